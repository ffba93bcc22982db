import Matrix

/// One box of a search tree: a word with its score, where it hangs, and whether it was kept.
public struct BeamTreeNode: Equatable, Sendable {
  public enum State: Equatable, Sendable {
    /// The root, before the first word.
    case start
    /// A hypothesis the search kept: drawn in the highlight colour.
    case kept
    /// A hypothesis the search considered and dropped: drawn faded.
    case pruned
  }

  public var label: String
  /// The score written after the label, e.g. "-1.02".
  public var score: String
  /// The index of the parent node in the list; nil for the root.
  public var parent: Int?
  public var state: State

  public init(label: String, score: String, parent: Int?, state: State) {
    self.label = label
    self.score = score
    self.parent = parent
    self.state = state
  }
}

/// A search tree drawn left to right, like the post's picture of beam search: the root on the
/// left, each step a column, each hypothesis a box with its word and score, joined to its
/// parent by a line. Kept hypotheses are filled with the highlight colour (`beamTreeKeptFill`),
/// pruned ones are white with grey text and outline. A column lists its boxes in the order of
/// their parents, and of the nodes among siblings, so no two lines cross.
///
/// Traps unless every parent comes before its children in `nodes`.
public func beamTree(_ nodes: [BeamTreeNode], name: String, caption: String) -> Figure {
  var depth: [Int] = []
  for (index, node) in nodes.enumerated() {
    let parent = node.parent ?? -1
    checkPrecondition(
      parent < index,
      "beamTree: node \(index) has parent \(parent), which does not come before it")
    depth.append(parent < 0 ? 0 : depth[parent] + 1)
  }
  let columnCount = (depth.max() ?? -1) + 1
  // Row of each node within its column: by the parent's row, then by the node's index.
  var row = Array(repeating: 0, count: nodes.count)
  var columns: [[Int]] = Array(repeating: [], count: columnCount)
  for column in 0..<columnCount {
    let members = nodes.indices.filter { depth[$0] == column }.sorted { a, b in
      let (pa, pb) = (nodes[a].parent.map { row[$0] } ?? 0, nodes[b].parent.map { row[$0] } ?? 0)
      return pa != pb ? pa < pb : a < b
    }
    for (position, node) in members.enumerated() { row[node] = position }
    columns[column] = members
  }
  let boxWidth = 24 + (nodes.map { textWidth($0.label + "  " + $0.score, size: 12) }.max() ?? 0)
  let (boxHeight, rowHeight, gap, top) = (22, 28, 40, 30)
  let tallest = columns.map(\.count).max() ?? 0
  func x(_ node: Int) -> Int { 10 + depth[node] * (boxWidth + gap) }
  func y(_ node: Int) -> Int {
    top + row[node] * rowHeight + (tallest - columns[depth[node]].count) * rowHeight / 2
  }
  let width = max(10 + columnCount * (boxWidth + gap), 320)
  let legendY = top + tallest * rowHeight + 12
  var svg = SVG(width: width, height: legendY + 30)
  for column in 0..<columnCount {
    svg.text(
      column == 0 ? "start" : "step \(column)", x: 10 + column * (boxWidth + gap) + boxWidth / 2,
      y: 18, size: 12)
  }
  for (index, node) in nodes.enumerated() {
    guard let parent = node.parent else { continue }
    svg.line(
      x1: x(parent) + boxWidth, y1: y(parent) + boxHeight / 2, x2: x(index),
      y2: y(index) + boxHeight / 2, color: node.state == .pruned ? "#dddddd" : "#54278f")
  }
  for (index, node) in nodes.enumerated() {
    let (fill, stroke, ink) = colors(node.state)
    svg.rectangle(
      x: x(index), y: y(index), width: boxWidth, height: boxHeight, fill: fill, stroke: stroke)
    svg.text(
      node.label + "  " + node.score, x: x(index) + boxWidth / 2, y: y(index) + 15, size: 12,
      color: ink)
  }
  for (offset, state) in [(0, BeamTreeNode.State.kept), (120, .pruned)] {
    let (fill, stroke, ink) = colors(state)
    svg.rectangle(x: 10 + offset, y: legendY, width: 18, height: 14, fill: fill, stroke: stroke)
    svg.text(
      state == .kept ? "kept" : "pruned", x: 34 + offset, y: legendY + 12, anchor: .start,
      size: 12, color: ink)
  }
  return Figure(name: name, caption: caption, svg: svg.document)
}

/// The fill of a kept hypothesis in `beamTree` (ColorBrewer Purples, light).
public let beamTreeKeptFill = "#bcbddc"

/// Fill, outline and text colour of a box in each state.
private func colors(_ state: BeamTreeNode.State) -> (String, String, String) {
  switch state {
  case .start: return ("#eeeeee", "#444444", "#222222")
  case .kept: return (beamTreeKeptFill, "#54278f", "#222222")
  case .pruned: return ("#ffffff", "#cccccc", "#999999")
  }
}
