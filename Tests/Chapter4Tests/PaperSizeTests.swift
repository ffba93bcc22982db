import Matrix
import PositionalEncoding
import TestSupport
import Testing

/// d_model 512, 20 positions (the post's figures), and X + PE for "je suis étudiant", against
/// NumPy (Tests/Reference/positional_encoding.py, written from the paper's formula and from
/// tensor2tensor's get_timing_signal_1d).
///
/// Tolerance 1e-13: sin, cos, pow and exp differ between libms by about 1 ulp, and an angle
/// below 20 carries an error of at most a few ulps of 20 (about 4e-15) from its frequency, so
/// honest implementations agree to about 1e-14. Realistic bugs move values by far more than
/// 1e-13: a frequency off by one step of i changes column 2 at position 1 by about 0.02, the
/// tensor2tensor spacing in the paper's layout by up to 0.027 at position 19, sin for cos by up
/// to 2.
@Suite("Positional encoding at the paper's size")
struct PaperSizeTests {
  let paper = positionalEncoding(positions: 20, modelDimension: 512, layout: .interleaved)
  let t2t = positionalEncoding(positions: 20, modelDimension: 512, layout: .concatenated)

  @Test func shapesOfThePostsFigures() {
    #expect(paper.shape == Shape(rows: 20, columns: 512))
    #expect(t2t.shape == Shape(rows: 20, columns: 512))
  }

  @Test func paperLayoutMatchesTheReference() {
    expectVector(
      Array(paper.row(1)[0..<4]),
      equals: [0.8414709848078965, 0.5403023058681398, 0.8218561900175316, 0.5696950086931313],
      tolerance: 1e-13, "Paper layout at 512, position 1, columns 0-3")
    expectVector(
      Array(paper.row(19)[254..<258]),
      equals: [0.19568926642281737, 0.9806659528131378, 0.18885889497650057, 0.9820042351172703],
      tolerance: 1e-13, "Paper layout at 512, position 19, columns 254-257")
    expectVector(
      Array(paper.row(19)[508..<512]),
      equals: [
        0.0020417534552121157, 0.9999979156192418, 0.001969601290574089, 0.9999980603334969,
      ],
      tolerance: 1e-13, "Paper layout at 512, position 19, columns 508-511")
  }

  @Test func tensor2tensorLayoutMatchesTheReference() {
    expectVector(
      Array(t2t.row(1)[0..<4]),
      equals: [0.8414709848078965, 0.8217786501702008, 0.8018049258772069, 0.7816502311399837],
      tolerance: 1e-13, "tensor2tensor layout at 512, position 1, columns 0-3")
    // Columns 254, 255 are the slowest sines; 256, 257 the fastest cosines.
    expectVector(
      Array(t2t.row(19)[254..<258]),
      equals: [
        0.0019698792004180267, 0.001899998856833538, 0.9887046181866692, 0.8660393239003576,
      ],
      tolerance: 1e-13, "tensor2tensor layout at 512, position 19, columns 254-257")
    expectVector(
      Array(t2t.row(19)[508..<512]),
      equals: [0.9999977582112209, 0.9999979144425709, 0.9999980597860857, 0.999998195000543],
      tolerance: 1e-13, "tensor2tensor layout at 512, position 19, columns 508-511")
  }

  @Test func embeddingsPlusEncodingMatchTheReference() {
    // X = rows 1, 2, 3 of Chapter 1's [6, 512] Glorot table (seed 1).
    var generator = SplitMix64(seed: 1)
    let x = Matrix.glorotUniform(rows: 6, columns: 512, using: &generator).rows(1..<4)
    let withPaper = addingPositions(to: x, encoding: paper)
    let withT2T = addingPositions(to: x, encoding: t2t)
    #expect(withPaper.shape == Shape(rows: 3, columns: 512))
    expectMatrix(
      withPaper.columns(0..<4),
      equals: [
        [-0.10172711668473228, 0.9830189203990541, 0.10321196500362279, 0.9552072599451017],
        [0.8411259439950427, 0.44579952626828406, 0.8941878686667565, 0.49757469148389166],
        [1.0076371082112427, -0.3907642512806156, 0.9086743581394582, -0.2959173546305434],
      ], tolerance: 1e-13, "X + PE at 512, paper layout, columns 0-3")
    expectMatrix(
      withPaper.columns(508..<512),
      equals: [
        [-0.09735925977918132, 1.0308890756080256, 0.09899894235520915, 1.0247042992264288],
        [-0.03269251133078351, 1.090496523439901, -0.09348487088177607, 1.1041424690687967],
        [-0.10013049749795694, 0.9623819043773757, 0.08853331938500143, 0.9868952029151112],
      ], tolerance: 1e-13, "X + PE at 512, paper layout, columns 508-511")
    expectMatrix(
      withT2T.columns(0..<4),
      equals: [
        [-0.10172711668473228, -0.016981079600945873, 0.10321196500362279, -0.04479274005489829],
        [0.8411259439950427, 0.727275870570345, 0.8741366045264317, 0.709529913930744],
        [1.0076371082112427, 0.9618927988736441, 0.9305541929007677, 1.0300349390933432],
      ], tolerance: 1e-13, "X + PE at 512, tensor2tensor layout, columns 0-3")
    expectMatrix(
      withT2T.columns(508..<512),
      equals: [
        [0.9026407402208186, 1.0308890756080256, 1.0989989423552091, 1.0247042992264288],
        [0.9672000216766476, 1.0904965234366415, 0.9064114604510104, 1.1041424694418358],
        [0.8996545560982594, 0.9623819043643378, 1.0883259713025772, 0.9868952044072679],
      ], tolerance: 1e-13, "X + PE at 512, tensor2tensor layout, columns 508-511")
  }

  @Test func positionTenThousandMatchesTheReference() {
    // Far beyond any sentence the model saw: still defined. The angle is now up to 10000, so
    // a 1-ulp difference in ω (2.2e-16 relative) moves it by up to 2.3e-12; tolerance 1e-11.
    let paperFar = positionalEncoding(positions: 10001, modelDimension: 512, layout: .interleaved)
    expectVector(
      Array(paperFar.row(10000)[0..<4]),
      equals: [
        -0.30561438888825215, -0.9521553682590148, 0.9373136718206938, -0.34848684425385223,
      ],
      tolerance: 1e-11, "Paper layout at 512, position 10000, columns 0-3")
    let t2tFar = positionalEncoding(positions: 10001, modelDimension: 512, layout: .concatenated)
    // Column 255 is sin(10000 · 1/10000) = sin(1); column 256 is cos(10000 · 1) = cos(10000).
    expectVector(
      Array(t2tFar.row(10000)[254..<258]),
      equals: [0.8607693212675233, 0.8414709848078961, -0.9521553682590148, 0.8441547905639264],
      tolerance: 1e-11, "tensor2tensor layout at 512, position 10000, columns 254-257")
  }
}
