#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system calls the store needs, with errors naming the file. Plain
/// POSIX rather than Foundation so that appends, fsync and flock are explicit.
enum POSIXFile {
    static func errno(_ what: String, _ path: String) -> StoreError {
        StoreError("\(path): \(what): \(String(cString: strerror(Glibc.errno)))")
    }

    /// (device, inode, size, mtime in ns): what the watcher compares.
    struct Signature: Hashable {
        var dev: UInt64, ino: UInt64, size: Int, mtime: Int
    }

    static func signature(_ path: String) -> Signature? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Signature(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino), size: Int(st.st_size),
                         mtime: Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec))
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func owner(_ path: String) -> uid_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_uid : nil
    }

    /// The whole file, or nil when it does not exist.
    static func read(_ path: String) throws(StoreError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if Glibc.errno == ENOENT { return nil }
            throw errno("cannot open", path)
        }
        defer { close(fd) }
        return try read(fd: fd, from: 0, path: path)
    }

    /// Bytes from `offset` to the end of an open file.
    static func read(fd: Int32, from offset: Int, path: String) throws(StoreError) -> [UInt8] {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw errno("cannot stat", path) }
        let size = Int(st.st_size)
        guard size > offset else { return [] }
        // Uninitialized capacity: zero-filling 15 MB first costs a visible share of a load.
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: size - offset) { buf, count in
            var done = 0
            while done < buf.count {
                let n = pread(fd, buf.baseAddress! + done, buf.count - done, off_t(offset + done))
                if n < 0 { if Glibc.errno == EINTR { continue }; failed = true; break }
                if n == 0 { break }
                done += n
            }
            count = done
        }
        if failed { throw errno("cannot read", path) }
        return out
    }

    /// `count` bytes from `offset`, fewer at the end of the file.
    static func read(fd: Int32, from offset: Int, count: Int, path: String) throws(StoreError) -> [UInt8] {
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: count) { buf, n in
            var done = 0
            while done < count {
                let r = pread(fd, buf.baseAddress! + done, count - done, off_t(offset + done))
                if r < 0 { if Glibc.errno == EINTR { continue }; failed = true; break }
                if r == 0 { break }
                done += r
            }
            n = done
        }
        if failed { throw errno("cannot read", path) }
        return out
    }

    static func byte(fd: Int32, at offset: Int) -> UInt8? {
        var c: UInt8 = 0
        return pread(fd, &c, 1, off_t(offset)) == 1 ? c : nil
    }

    static func writeAll(fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { buf in write(fd, buf.baseAddress! + done, buf.count - done) }
            if n < 0 { if Glibc.errno == EINTR { continue }; throw errno("cannot write", path) }
            done += n
        }
    }

    /// Replaces a file atomically: temp file, fsync, rename, fsync the directory.
    /// A reader sees the old file or the new one, never a mix.
    static func replace(_ path: String, with bytes: [UInt8], dir: String) throws(StoreError) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let tmp = dir + "/." + name + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw errno("cannot create", tmp) }
        do throws(StoreError) {
            try writeAll(fd: fd, bytes, path: tmp)
            guard fsync(fd) == 0 else { throw errno("cannot fsync", tmp) }
        } catch {
            close(fd); unlink(tmp); throw error
        }
        close(fd)
        guard rename(tmp, path) == 0 else { let e = errno("cannot rename to", path); unlink(tmp); throw e }
        syncDirectory(dir)
    }

    static func syncDirectory(_ dir: String) {
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    static func listDirectory(_ dir: String) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafePointer(to: e.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

/// An exclusive `flock` on a sidecar lock file, never on a data file: a writer
/// killed while holding it releases it with its last descriptor.
final class FileLock {
    private let fd: Int32

    /// Opened read-only: `flock` needs no write access, so a lock file another
    /// writer created (mode 0644 under umask 022, e.g. an ssh forced command,
    /// which reads no profile) does not lock the rest of the group out.
    init(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXFile.errno("cannot open lock file", path) }
        while flock(fd, LOCK_EX) != 0 {
            if Glibc.errno == EINTR { continue }
            let e = POSIXFile.errno("cannot lock", path)
            close(fd)
            throw e
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
