import Decoding
import Encoder
import Matrix
import Output

extension TranslationModel {
  /// The trained model as Chapter 9's `NextWordModel` for one source sentence: the encoder runs
  /// once, here, and every call runs the decoder on `[start] + prefix` (the prefix WITHOUT the
  /// start symbol, as `NextWordModel` asks) and returns log-softmax of the last row's logits.
  ///
  ///     let next = model.nextWordModel(source: [1, 2, 3], start: 5)
  ///     GreedyDecoder(maxLength: 10, endOfSentence: 5)(next).words   // e.g. [2, 1, 0, 4, 5]
  ///
  /// The bits are those of a full forward pass (`trace(source:targetInput:targets:)`) on
  /// `[start] + prefix`, last row: the same layers run on the same inputs. No padding.
  ///
  /// Shape: prefix [t] -> [target vocabulary]
  public func nextWordModel(source: [Int], start: Int) -> NextWordFunction {
    let sourceInput = encoderInput(embeddings: transformer.sourceEmbedding(source))
    let memory = transformer.encoder(sourceInput)  // [n_s, d_model], computed once
    let model = self
    return NextWordFunction(vocabularySize: outputLayer.vocabularySize) { prefix in
      let target = [start] + prefix
      let targetInput = encoderInput(embeddings: model.transformer.targetEmbedding(target))
      let decoded = model.transformer.decoder(targetInput, attendingTo: memory)  // [t+1, d_model]
      let logits = model.outputLayer.trace(decoded).logits  // [t + 1, vocabulary]
      return logSoftmax(logits.row(logits.rows - 1))
    }
  }
}
