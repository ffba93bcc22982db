// swift-tools-version: 6.2
// The Illustrated Transformer as executable, test-verified Swift.
// No package dependencies: the toolchain only (Swift 6, Foundation, Swift Testing).

import PackageDescription

/// Chapter N's source module and its test target `ChapterNTests`, so that
/// `swift test --filter ChapterN` runs exactly that chapter.
let chapters: [(number: Int, module: String, dependencies: [Target.Dependency])] = [
  (1, "Embeddings", ["Matrix"]),
  (2, "SelfAttention", ["Matrix"]),
  (3, "MultiHeadAttention", ["Matrix", "SelfAttention"]),
  (4, "PositionalEncoding", ["Matrix"]),
  (5, "Encoder", ["Matrix", "SelfAttention", "MultiHeadAttention", "PositionalEncoding"]),
  (6, "Decoder", ["Matrix", "SelfAttention", "MultiHeadAttention", "Embeddings", "Encoder"]),
]

let package = Package(
  name: "IllustratedTransformer",
  platforms: [.macOS(.v13)],
  products: [
    .library(
      name: "IllustratedTransformer",
      targets: ["Matrix", "Figures"] + chapters.map(\.module)
    ),
    .executable(name: "book", targets: ["book"]),
    .executable(name: "bench", targets: ["bench"]),
  ],
  targets: [
    .target(name: "Matrix"),
    .target(name: "Figures", dependencies: ["Matrix"]),
    .target(name: "BookEngine", dependencies: ["Figures"]),
    .executableTarget(name: "book", dependencies: ["BookEngine"]),
    .executableTarget(
      name: "bench", dependencies: ["Matrix"] + chapters.map { .target(name: $0.module) }),

    .target(name: "TestSupport", dependencies: ["Matrix"], path: "Tests/TestSupport"),
    .testTarget(name: "MatrixTests", dependencies: ["Matrix", "TestSupport"]),
    .testTarget(name: "BookTests", dependencies: ["BookEngine", "Figures", "TestSupport"]),
  ]
    + chapters.map { .target(name: $0.module, dependencies: $0.dependencies) }
    + chapters.map {
      .testTarget(
        name: "Chapter\($0.number)Tests",
        dependencies: [.target(name: $0.module), "TestSupport"] + $0.dependencies
      )
    }
)
