// The push parser every face streams a file through: feed(bytes) in any chunk sizes, finish().
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/input.h"
#include "core/order_id.h"

namespace sh {

// Reads one file of any supported kind. Chunk boundaries may fall anywhere (inside a UTF-8
// sequence, a quoted field or a CRLF); feeding one byte at a time gives the same records.
// The reader keeps only what it needs between chunks (the current partial line), never the
// whole file.
class FileReader {
public:
    FileReader(std::string name, OrderIdPool& ids);
    ~FileReader();
    FileReader(const FileReader&) = delete;
    FileReader& operator=(const FileReader&) = delete;

    void feed(const uint8_t* data, size_t size);
    // Ends the file: flushes the last line and returns everything read. Call once.
    LoadedFile finish();

    uint64_t bytes_fed() const;
    // The encoding and file type are decided from the first `bytes` (default 64 KB). Call
    // before the first feed; tests use a small window so chunking reaches every stage.
    void set_sniff_window(size_t bytes);
    // The file's total size when known (File.size in the page, the file size in the CLI).
    // Optional: lets the All Orders reader reserve its orders once instead of growing, which
    // lowers the peak memory of very large files. Call before the first feed.
    // The hint is only an estimate's input: the reservation is capped (kMaxReservedOrders) and
    // made only when the memory probe says it fits with room to spare, so a wrong or huge hint
    // costs at most normal growth, never an abort; a reservation the file did not fill is given
    // back at finish.
    void set_size_hint(uint64_t bytes);
    // Reading the first part of a file read in parts (file_parts.h), with the whole file's size
    // as the hint: the orders reserved for the whole file are kept, so the later parts join
    // into them without another copy (the join's peak memory). Call before the first feed.
    void keep_reservation();
    // Asks whether `bytes` more could be allocated before a large reservation (the Session's
    // memory guard; default: try malloc(bytes) and free it).
    using MemoryProbe = bool (*)(size_t bytes);
    void set_memory_probe(MemoryProbe probe);
    // The kind as soon as the header has been seen ("" before that).
    const std::string& kind() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Reads a whole buffer in one go (tests and small inputs).
LoadedFile read_file(const std::string& name, const uint8_t* data, size_t size, OrderIdPool& ids);

}  // namespace sh
