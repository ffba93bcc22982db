import Figures
import Matrix
import TestSupport
import Testing

@Suite("Bar charts of distributions and of signed values")
struct BarChartTests {
  // Row label "pos 1" is 5 · 13 · 6/10 = 39 wide, so left = 12 + 39 = 51; panels are 48 · 3 = 144 wide,
  // 24 apart; row 1's baseline is at 30 + 100 = 130, row 2's at 130 + 160 = 290.
  @Test func barsAreAsTallAsTheirProbabilityAndSitInTheirPanel() {
    let figure = distributionBars(
      [[[0, 1, 0], [0.25, 0.5, 0.25]], [[0.2, 0.7, 0.1], [0.6, 0.3, 0.1]]],
      panelTitles: ["target", "model"], rowLabels: ["pos 1", "pos 2"],
      barLabels: ["a", "am", "i"], name: "d", caption: "D")
    // Target, row 1, bar 2 ("am", 1.0): x = 51 + 4 + 48 = 103, 100 high, top at 130 − 100 = 30;
    // full purple.
    #expect(
      figure.svg.contains(
        "<rect x=\"103\" y=\"30\" width=\"40\" height=\"100\" fill=\"#54278f\""))
    // Target, row 2, bar 1 ("a", 0.25): x = 51 + 4 = 55, 25 high, top at 290 − 25 = 265.
    #expect(figure.svg.contains("<rect x=\"55\" y=\"265\" width=\"40\" height=\"25\""))
    // Model panel starts at 51 + 144 + 24 = 219; row 2, bar 3 ("i", 0.1): x = 219 + 4 + 96 =
    // 319, 10 high, top at 280.
    #expect(figure.svg.contains("<rect x=\"319\" y=\"280\" width=\"40\" height=\"10\""))
    // Its value is written 4 above it, centred: x = 319 + 20 = 339, y = 276.
    #expect(
      figure.svg.contains("<text x=\"339\" y=\"276\" text-anchor=\"middle\" font-size=\"10\""))
    // A zero bar has no height.
    #expect(figure.svg.contains("<rect x=\"55\" y=\"130\" width=\"40\" height=\"0\""))
    // Titles over the panels; word labels 14 under the bars ("am": x = 103 + 20); row labels
    // right-aligned at 51 − 8 = 43, halfway up the panel (130 − 50 = 80).
    #expect(figure.svg.contains(">target</text>") && figure.svg.contains(">model</text>"))
    #expect(
      figure.svg.contains(
        "<text x=\"123\" y=\"144\" text-anchor=\"middle\" font-size=\"10\" fill=\"#222222\">am</text>"
      ))
    #expect(figure.svg.contains("<text x=\"43\" y=\"80\" text-anchor=\"end\""))
  }

  @Test func signedBarsGoUpInRedAndDownInBlue() {
    // up = 3, down = 1: zero line at 20 + 240 · 3/4 = 200; 60 pixels per unit.
    let figure = signedBars(
      [3, -1, 0.5], labels: ["a", "am", "i"], valueTitle: "logit", name: "s", caption: "S")
    // Bar 1: 3 → 180 high, from y = 20 to 200, x = 64, full red.
    #expect(
      figure.svg.contains("<rect x=\"64\" y=\"20\" width=\"40\" height=\"180\" fill=\"#b2182b\""))
    // Bar 2: −1 → 60 high below the line, x = 112; a third of the way from white to blue
    // (−1 on a scale to ±3): 255 + (33 − 255)/3 = 181 = b5, 255 − 51 = 204 = cc, 227 = e3.
    #expect(figure.svg.contains("<rect x=\"112\" y=\"200\" width=\"40\" height=\"60\""))
    #expect(figure.svg.contains("height=\"60\" fill=\"#b5cce3\""))
    // Bar 3: 0.5 → 30 high, x = 160, y = 170.
    #expect(figure.svg.contains("<rect x=\"160\" y=\"170\" width=\"40\" height=\"30\""))
    #expect(figure.svg.contains("<line x1=\"60\" y1=\"200\" x2=\"204\" y2=\"200\""))
    #expect(figure.svg.contains(">-1.00</text>") && figure.svg.contains(">logit</text>"))
  }

  @Test func distributionBarsNeedALabelPerBar() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = distributionBars(
        [Matrix(rows: 2, columns: 3)], panelTitles: ["t"], rowLabels: ["1", "2"],
        barLabels: ["a", "b"], name: "d", caption: "D")
    }
    #expect(
      standardError(of: result).contains(
        "distributionBars: 1 distributions of [2, 3] need 1 titles, 2 row labels and 3 bar "
          + "labels, got 1, 2 and 2"))
  }

  @Test func distributionBarsNeedOneShape() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = distributionBars(
        [Matrix(rows: 2, columns: 3), Matrix(rows: 2, columns: 2)], panelTitles: ["t", "m"],
        rowLabels: ["1", "2"], barLabels: ["a", "b", "c"], name: "d", caption: "D")
    }
    #expect(
      standardError(of: result).contains(
        "distributionBars: the distributions have shapes [[2, 3], [2, 2]]; they need one shape"))
  }

  @Test func signedBarsNeedALabelPerValue() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = signedBars([1, 2], labels: ["a"], valueTitle: "v", name: "s", caption: "S")
    }
    #expect(standardError(of: result).contains("signedBars: 2 values need 2 labels, got 1"))
  }
}
