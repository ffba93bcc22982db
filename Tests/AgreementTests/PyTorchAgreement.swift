import Decoder
import Embeddings
import Encoder
import Matrix
import Output
import PyTorchWeights
import SafeTensors
import TestSupport
import Testing

/// The encoder-decoder against PyTorch's own layers: Tests/Reference/pytorch_agreement.py built
/// it from nn.TransformerEncoderLayer and nn.TransformerDecoderLayer in float64 (d_model 16,
/// 2 heads, d_ff 32, 2 + 2 layers, seed 2017), ran "je suis étudiant <eos>" -> "<eos> i am a
/// student", and saved the weights with the outputs of every layer.
///
/// Tolerance 1e-12 for every layer: both sides compute in float64 and differ only in the
/// order of their sums; values are of order 1 and each sum has at most 32 terms, so the
/// rounding left after 4 layers is of order 1e-15 (see the notebook's worst differences).
/// A wrong transpose, head split, ε or mask changes values by 1e-3 or more.
@Suite("Agreement with PyTorch: encoder-decoder")
struct PyTorchAgreement {
  @Test func everyLayerAgreesWithPyTorch() throws {
    let file = try SafeTensors.read(from: fixture())
    #expect(file.metadata["heads"] == "2")
    let model = try Transformer(pyTorch: file, headCount: 2)
    let generator = try FinalLinear(pyTorch: file, prefix: "generator", modelDimension: 16)
    let source = try tokens(file, "input.source", count: 4)
    let target = try tokens(file, "input.target", count: 5)
    #expect(source == [1, 2, 3, 5])  // je suis étudiant <eos>
    #expect(target == [5, 2, 1, 0, 4])  // <eos> i am a student
    let trace = model.trace(source: source, target: target)
    func expected(_ name: String, rows: Int, columns: Int = 16) throws -> Matrix {
      try file.matrix("expected." + name, shape: [rows, columns])
    }
    expectMatrix(
      trace.sourceInput, equals: try expected("source_input", rows: 4), tolerance: 1e-12,
      "Source input: embeddings · √d_model + PE")
    expectMatrix(
      trace.encoder.layers[0].attention.output,
      equals: try expected("encoder.layers.0.self_attn", rows: 4), tolerance: 1e-12,
      "Encoder layer 1: self-attention output")
    for n in 0..<2 {
      expectMatrix(
        trace.encoder.layers[n].output, equals: try expected("encoder.layers.\(n)", rows: 4),
        tolerance: 1e-12, "Encoder layer \(n + 1) output")
    }
    expectMatrix(
      trace.targetInput, equals: try expected("target_input", rows: 5), tolerance: 1e-12,
      "Target input: embeddings · √d_model + PE")
    for n in 0..<2 {
      expectMatrix(
        trace.decoder.layers[n].output, equals: try expected("decoder.layers.\(n)", rows: 5),
        tolerance: 1e-12, "Decoder layer \(n + 1) output")
    }
    expectMatrix(
      generator.trace(trace.output).logits, equals: try expected("logits", rows: 5, columns: 6),
      tolerance: 1e-12, "Logits: decoder output · W + b")
  }
}

/// A decoder-only stack, GPT-style, against PyTorch: nn.TransformerEncoderLayer with the causal
/// mask, so each position sees itself and the positions before it. The same file, tensors
/// under `gpt.`; the same tolerance, for the same reason.
@Suite("Agreement with PyTorch: decoder-only")
struct PyTorchDecoderOnlyAgreement {
  @Test func everyLayerAgreesWithPyTorch() throws {
    let file = try SafeTensors.read(from: fixture())
    let embedding = try Embedding(pyTorch: file, name: "gpt.embedding.weight")
    let stack = try Encoder(pyTorch: file, prefix: "gpt", modelDimension: 16, headCount: 2)
    let generator = try FinalLinear(pyTorch: file, prefix: "gpt.generator", modelDimension: 16)
    #expect(stack.layers.count == 2)
    let input = encoderInput(embeddings: embedding(try tokens(file, "input.target", count: 5)))
    expectMatrix(
      input, equals: try file.matrix("gpt.expected.input", shape: [5, 16]), tolerance: 1e-12,
      "Input: embeddings · √d_model + PE")
    let trace = stack.trace(input, mask: causalMask(size: 5))
    for n in 0..<2 {
      expectMatrix(
        trace.layers[n].output,
        equals: try file.matrix("gpt.expected.layers.\(n)", shape: [5, 16]),
        tolerance: 1e-12, "Causal layer \(n + 1) output")
    }
    expectMatrix(
      generator.trace(trace.output).logits,
      equals: try file.matrix("gpt.expected.logits", shape: [5, 6]), tolerance: 1e-12,
      "Logits: top layer output · W + b")
  }
}
