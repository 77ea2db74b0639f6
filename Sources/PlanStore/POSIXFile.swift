#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system calls the store needs, with errors naming the file. Plain
/// POSIX rather than Foundation so that appends, fsync and flock are explicit.
enum POSIXFile {
    static func errno(_ call: StoreReason.SystemCall, _ path: String) -> StoreError {
        StoreError(.systemCall(path: path, call: call, error: String(cString: strerror(Glibc.errno))))
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

    /// True when a directory entry of that name exists, whatever it is (a
    /// dangling symbolic link counts: it must be refused, not created through).
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func owner(_ path: String) -> uid_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_uid : nil
    }

    /// Opens a store file without following a symbolic link and refuses
    /// anything but a regular file, so a name another account planted (a link
    /// to someone's file, a FIFO, a device) is never read, written or created
    /// through. Opened for writing, a file must also have a single link. With
    /// `create`, a missing file is made with `O_EXCL` and given exactly that
    /// mode, whatever the umask, so that it does not lock out the other
    /// writers. Nil when the file does not exist (and is not to be created).
    static func open(_ path: String, _ flags: Int32, create mode: mode_t? = nil) throws(StoreError) -> Int32? {
        // O_NONBLOCK: opening a FIFO must not hang before it can be refused.
        let base = flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK
        var fd: Int32 = -1
        // The file usually exists (a commit's lock and journal): open it first.
        for _ in 0..<8 {
            fd = Glibc.open(path, base)
            guard fd < 0, Glibc.errno == ENOENT, let mode else { break }
            fd = Glibc.open(path, base | O_CREAT | O_EXCL, mode)
            if fd >= 0 {
                fchmod(fd, mode)
                break
            }
            // Created by another writer in between: open that one.
            if Glibc.errno != EEXIST { break }
        }
        if fd < 0 {
            if Glibc.errno == ENOENT && mode == nil { return nil }
            if Glibc.errno == ELOOP || Glibc.errno == EMLINK {
                throw StoreError(.symbolicLink(path: path))
            }
            throw errno(mode == nil ? .open : .create, path)
        }
        do throws(StoreError) { try requireRegular(fd: fd, path: path, writing: flags & O_ACCMODE != O_RDONLY) } catch {
            close(fd)
            throw error
        }
        return fd
    }

    static func requireRegular(fd: Int32, path: String, writing: Bool) throws(StoreError) {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw errno(.stat, path) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw StoreError(.notRegularFile(path: path, kind: kind(st.st_mode)))
        }
        if writing && st.st_nlink > 1 {
            throw StoreError(.hardLinks(path: path, count: Int(st.st_nlink)))
        }
    }

    /// What a directory entry is, for messages.
    static func kind(_ mode: mode_t) -> StoreReason.FileKind {
        switch mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        case S_IFCHR, S_IFBLK: return .device
        default: return .special
        }
    }

    /// Creates a file that did not exist, under `path` or, when that name is
    /// taken, `path.2`, `path.3`, …: never opens a file someone else made.
    /// Returns the descriptor and the name used.
    static func createNew(_ path: String, mode: mode_t) throws(StoreError) -> (fd: Int32, path: String) {
        for n in 1...64 {
            let name = n == 1 ? path : "\(path).\(n)"
            let fd = Glibc.open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 { fchmod(fd, mode); return (fd, name) }
            if Glibc.errno != EEXIST { throw errno(.create, name) }
        }
        throw StoreError(.tooManyNames(path: path))
    }

    /// The whole file, or nil when it does not exist.
    static func read(_ path: String) throws(StoreError) -> [UInt8]? {
        guard let fd = try open(path, O_RDONLY) else { return nil }
        defer { close(fd) }
        return try read(fd: fd, from: 0, path: path)
    }

    /// Bytes from `offset` to the end of an open file.
    static func read(fd: Int32, from offset: Int, path: String) throws(StoreError) -> [UInt8] {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw errno(.stat, path) }
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
        if failed { throw errno(.read, path) }
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
        if failed { throw errno(.read, path) }
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
            if n < 0 { if Glibc.errno == EINTR { continue }; throw errno(.write, path) }
            done += n
        }
    }

    /// Replaces a file atomically: temp file, fsync, rename, fsync the directory.
    /// A reader sees the old file or the new one, never a mix.
    /// The temporary file is new (`O_EXCL`: a name planted in advance is
    /// skipped, never written through) and readable by every reader.
    static func replace(_ path: String, with bytes: [UInt8], dir: String) throws(StoreError) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let (fd, tmp) = try createNew(dir + "/." + name + ".tmp-\(getpid())", mode: 0o644)
        do throws(StoreError) {
            try writeAll(fd: fd, bytes, path: tmp)
            guard fsync(fd) == 0 else { throw errno(.fsync, tmp) }
        } catch {
            close(fd); unlink(tmp); throw error
        }
        close(fd)
        guard rename(tmp, path) == 0 else { let e = errno(.rename, path); unlink(tmp); throw e }
        syncDirectory(dir)
    }

    static func syncDirectory(_ dir: String) {
        let fd = Glibc.open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
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
    /// writer created does not lock the rest of the group out; it is created
    /// 0644 whatever the creator's umask, and never through a link.
    init(_ path: String) throws(StoreError) {
        guard let fd = try POSIXFile.open(path, O_RDONLY, create: 0o644) else {
            throw StoreError(.lockFile(path: path))
        }
        while flock(fd, LOCK_EX) != 0 {
            if Glibc.errno == EINTR { continue }
            let e = POSIXFile.errno(.lock, path)
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
