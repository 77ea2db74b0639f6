import BundledFiles

/// The sample store built into the binary, for `admin init-store --sample`.
enum BundledSample {
    static var files: [(name: String, bytes: [UInt8])] { BundledFiles.files(in: "SampleData/store") }
}
