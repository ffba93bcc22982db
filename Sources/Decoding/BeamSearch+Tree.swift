extension BeamSearch.Trace {
  /// One box of the search tree: the start (no word), or a candidate of some step.
  public struct TreeNode: Equatable, Sendable {
    /// The index of the parent node in `tree`; nil for the start.
    public var parent: Int?
    /// The word this node adds; nil for the start.
    public var word: Int?
    /// ln P of the words from the start to this node.
    public var logProbability: Double
    /// Whether the search kept it (the start counts as kept).
    public var isKept: Bool
  }

  /// The search as a tree, for drawing: node 0 is the start, then every step's candidates in
  /// the order of `Step.candidates`, each pointing at the node it expands. Every parent comes
  /// before its children.
  public var tree: [TreeNode] {
    var nodes = [TreeNode(parent: nil, word: nil, logProbability: 0, isKept: true)]
    var liveNodes = [0]  // the node of each of the step's beams
    for step in steps {
      var nodeOfWords: [[Int]: Int] = [:]
      for candidate in step.candidates {
        nodeOfWords[candidate.hypothesis.words] = nodes.count
        nodes.append(
          TreeNode(
            parent: liveNodes[candidate.beam], word: candidate.word,
            logProbability: candidate.hypothesis.logProbability, isKept: candidate.isKept))
      }
      liveNodes = step.kept.filter { !$0.isFinished }.map { nodeOfWords[$0.words]! }
    }
    return nodes
  }
}
