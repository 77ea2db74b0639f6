/// Runs `body` on the string's UTF-8 bytes in place; only a string that is
/// not stored as UTF-8 (bridged) is copied first.
@inlinable @inline(__always)
public func withUTF8Bytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
    var c = s
    return c.withUTF8(body)
}
