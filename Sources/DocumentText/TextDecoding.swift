#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain text as offices save it: UTF-8 with or without a byte-order mark,
/// UTF-16 with its mark (Notepad's "Unicode"), or GB18030/GBK from Chinese
/// Windows. Told apart by content; converted with the C library's iconv.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: TextEncoding)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            if let s = utf8(bytes[3...]) { return (s, .utf8BOM) }
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            if let s = convert(bytes, from: "UTF-16") { return (s, .utf16) }
        }
        if let s = utf8(bytes[...]) { return (s, .utf8) }
        // GB18030 is a superset of GBK and GB2312.
        if let s = convert(bytes, from: "GB18030") { return (s, .gb18030) }
        return nil
    }

    /// Valid UTF-8 only: a GB18030 file must not come out as U+FFFD.
    static func utf8(_ bytes: ArraySlice<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// Converts with iconv; nil when the bytes are not valid in `from`.
    static func convert(_ bytes: [UInt8], from: String) -> String? {
        let cd = iconv_open("UTF-8", from)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var out = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        // Every character of these encodings takes at most twice its bytes
        // in UTF-8 (two bytes → at most three, four → four).
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                guard r != -1, inLeft == 0 else { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let produced else { return nil }
        out.removeLast(out.count - produced)
        return String(decoding: out.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
