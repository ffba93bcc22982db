import Figures
import Testing

/// The boxes of a beam tree's SVG (rectangles with an outline) as (x, y, fill), in order.
private func boxes(_ svg: String) -> [(x: Int, y: Int, fill: String)] {
  svg.split(separator: "\n").filter { $0.hasPrefix("<rect x=") && $0.contains("height=\"22\"") }
    .map { line in
      func attribute(_ name: String) -> String {
        let start = line.range(of: " \(name)=\"")!.upperBound
        return String(line[start...].prefix { $0 != "\"" })
      }
      return (Int(attribute("x"))!, Int(attribute("y"))!, attribute("fill"))
    }
}

@Suite("The beam search tree figure")
struct BeamTreeFigureTests {
  // start -> a (kept), i (pruned); a -> am (kept), student (pruned).
  let nodes = [
    BeamTreeNode(label: "start", score: "0", parent: nil, state: .start),
    BeamTreeNode(label: "a", score: "-0.69", parent: 0, state: .kept),
    BeamTreeNode(label: "i", score: "-0.92", parent: 0, state: .pruned),
    BeamTreeNode(label: "am", score: "-2.30", parent: 1, state: .kept),
    BeamTreeNode(label: "student", score: "-1.90", parent: 1, state: .pruned),
  ]

  @Test func childrenAreToTheRightOfTheirParentsAndSiblingsStackDown() {
    let figure = beamTree(nodes, name: "tree", caption: "Tree")
    let drawn = boxes(figure.svg)
    #expect(drawn.count == 5)
    for (index, node) in nodes.enumerated() {
      guard let parent = node.parent else { continue }
      #expect(drawn[index].x > drawn[parent].x)
    }
    #expect(drawn[1].x == drawn[2].x && drawn[1].y < drawn[2].y)  // a above i
    #expect(drawn[3].x == drawn[4].x && drawn[3].y < drawn[4].y)  // am above student
    #expect(figure.svg.contains(">step 1</text>") && figure.svg.contains(">step 2</text>"))
    #expect(figure.svg.contains(">student  -1.90</text>"))
  }

  @Test func keptBoxesHaveTheHighlightColourAndPrunedOnesAreWhite() {
    let drawn = boxes(beamTree(nodes, name: "tree", caption: "Tree").svg)
    #expect(beamTreeKeptFill == "#bcbddc")
    #expect(drawn.map(\.fill) == ["#eeeeee", "#bcbddc", "#ffffff", "#bcbddc", "#ffffff"])
  }

  @Test func aChildOfALowerParentIsDrawnLower() {
    // i's child comes before a's child in the list, but a is above i, so a's child is on top.
    let figure = beamTree(
      [
        BeamTreeNode(label: "start", score: "0", parent: nil, state: .start),
        BeamTreeNode(label: "a", score: "-1", parent: 0, state: .kept),
        BeamTreeNode(label: "i", score: "-2", parent: 0, state: .kept),
        BeamTreeNode(label: "am", score: "-3", parent: 2, state: .kept),
        BeamTreeNode(label: "student", score: "-4", parent: 1, state: .kept),
      ], name: "tree", caption: "Tree")
    let drawn = boxes(figure.svg)
    #expect(drawn[4].y < drawn[3].y)
  }

  @Test func theSameTreeGivesTheSameBytes() {
    #expect(
      beamTree(nodes, name: "tree", caption: "Tree")
        == beamTree(nodes, name: "tree", caption: "Tree"))
  }
}
