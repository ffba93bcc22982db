import Testing

/// What a process that trapped wrote to standard error, as text (for exit tests).
public func standardError(of result: ExitTest.Result?) -> String {
  String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
}
