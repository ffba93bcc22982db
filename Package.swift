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
  (7, "Output", ["Matrix", "Embeddings"]),
  (
    8, "Training",
    [
      "Matrix", "Embeddings", "SelfAttention", "MultiHeadAttention", "Encoder", "Decoder", "Output",
      "Decoding", "SafeTensors",
    ]
  ),
  (9, "Decoding", ["Matrix"]),
]

let package = Package(
  name: "IllustratedTransformer",
  platforms: [.macOS(.v13)],
  products: [
    .library(
      name: "IllustratedTransformer",
      targets: ["Matrix", "Figures", "SafeTensors"] + chapters.map(\.module) + ["PyTorchWeights"]
    ),
    .executable(name: "book", targets: ["book"]),
    .executable(name: "bench", targets: ["bench"]),
    .executable(name: "transformer", targets: ["transformer"]),
  ],
  targets: [
    .target(name: "Matrix", dependencies: ["CPrefetch"]),
    // A C header with one inline function, the kernel's cache prefetch (Matmul+Blocked.swift).
    .target(name: "CPrefetch"),
    .target(name: "Figures", dependencies: ["Matrix"]),
    .target(name: "BookEngine", dependencies: ["Figures"]),
    .executableTarget(name: "book", dependencies: ["BookEngine"]),
    // `swift run transformer translate "je suis étudiant" --beam 2` (Chapter 9).
    .executableTarget(
      name: "transformer",
      dependencies: ["Matrix", "Embeddings", "Decoder", "Decoding", "Output", "Training"]),
    .executableTarget(
      name: "bench", dependencies: ["Matrix"] + chapters.map { .target(name: $0.module) }),

    .target(name: "TestSupport", dependencies: ["Matrix"], path: "Tests/TestSupport"),
    .testTarget(name: "MatrixTests", dependencies: ["Matrix", "TestSupport"]),
    .testTarget(name: "BookTests", dependencies: ["BookEngine", "Figures", "TestSupport"]),

    // Saving and loading weights in the safetensors format (Python's `safetensors`, PyTorch).
    // The fixtures are read through `#filePath`, so they are excluded rather than resources.
    .target(name: "SafeTensors", dependencies: ["Matrix"]),
    .testTarget(
      name: "SafeTensorsTests", dependencies: ["SafeTensors", "Matrix", "TestSupport"],
      exclude: ["Fixtures"]),

    // Agreement with PyTorch: PyTorch's parameter names and layouts mapped onto the chapters'
    // layers, and tests against outputs PyTorch computed (Tests/Reference/pytorch_agreement.py).
    // The test target's name has no "Chapter" in it, so `--filter ChapterN` never selects it.
    .target(
      name: "PyTorchWeights",
      dependencies: [
        "Matrix", "SafeTensors", "SelfAttention", "MultiHeadAttention", "Embeddings", "Encoder",
        "Decoder", "Output",
      ]),
    .testTarget(
      name: "AgreementTests",
      dependencies: [
        "PyTorchWeights", "SafeTensors", "Matrix", "TestSupport", "SelfAttention",
        "MultiHeadAttention", "Embeddings", "Encoder", "Decoder", "Output",
      ],
      exclude: ["Fixtures"]),

    // Exercises: the learner writes in `Exercises` (one file of stubs per chapter), the worked
    // answers are in `ExerciseSolutions`, and `ExercisesTests` checks both with the same golden
    // values: `swift test --filter Exercises2` checks the learner's Chapter 2, `--filter
    // Solutions` the answers. `--filter` matches test ids and file names, so no "Chapter" in
    // either (`--filter ChapterN` skips them), and chapter N's checks live in ChecksN.swift.
    .target(name: "Exercises", dependencies: ["Matrix"]),
    .target(name: "ExerciseSolutions", dependencies: ["Matrix"]),
    .testTarget(
      name: "ExercisesTests",
      dependencies: ["Exercises", "ExerciseSolutions", "Matrix", "TestSupport"]),
  ]
    + chapters.map { .target(name: $0.module, dependencies: $0.dependencies) }
    + chapters.map {
      .testTarget(
        name: "Chapter\($0.number)Tests",
        dependencies: [.target(name: $0.module), "TestSupport"] + $0.dependencies
      )
    }
)
