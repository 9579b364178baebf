// Reads files from disk into the session (see read_file.h).
#include "cli/read_file.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <memory>
#include <system_error>
#include <thread>
#include <vector>

#include "core/feedback/analyse.h"
#include "core/file_parts.h"
#include "core/ingest/reader.h"

namespace sh::cli {

namespace {

constexpr size_t kChunkSize = 4u << 20;      // read files in 4 MiB chunks (the page: 8 MiB)
constexpr size_t kPartChunkSize = 4u << 20;  // each part's thread reads 4 MiB at a time (memory)
constexpr size_t kHeadBytes = 64u << 10;     // the reader decides the encoding from these
constexpr size_t kCutWindow = 1u << 20;      // a line end is looked for this far past the middle

// Feeds `length` bytes of the open file from `offset` on; false on a read error.
template <class Feed> bool feed_range(std::ifstream& in, uint64_t offset, uint64_t length, Feed feed) {
    const auto capacity = static_cast<size_t>(std::min<uint64_t>(kPartChunkSize, std::max<uint64_t>(length, 1)));
    const std::unique_ptr<char[]> buffer(new char[capacity]);  // not zeroed: every byte is read into first
    in.seekg(static_cast<std::streamoff>(offset));
    while (length > 0 && in) {
        in.read(buffer.get(), static_cast<std::streamsize>(std::min<uint64_t>(capacity, length)));
        const auto got = static_cast<size_t>(in.gcount());
        if (!got) return false;
        feed(reinterpret_cast<const uint8_t*>(buffer.get()), got);
        length -= got;
    }
    return length == 0;
}

// One part of the file: the prefix (empty for the first part), then [offset, offset + length).
// The first part reserves its orders for the whole file (`file_size`), so the second joins
// into them in place.
bool read_part(const std::string& path, const std::string& name, const std::string& prefix, uint64_t offset,
               uint64_t length, uint64_t file_size, OrderIdPool& ids, LoadedFile& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    FileReader reader(name, ids);
    if (prefix.empty()) {
        reader.set_size_hint(file_size);
        reader.keep_reservation();
    } else {
        reader.set_size_hint(prefix.size() + length);
    }
    if (!prefix.empty()) reader.feed(reinterpret_cast<const uint8_t*>(prefix.data()), prefix.size());
    const bool read = feed_range(in, offset, length, [&](const uint8_t* data, size_t size) { reader.feed(data, size); });
    out = reader.finish();
    return read;
}

// A file read on its own: its records and the pool its order ids were interned in (the
// session interns them again when it adds the file), or the errno of an open that failed.
struct FileRead {
    int error = 0;
    LoadedFile file;
    OrderIdPool ids;
};

// A large All Orders file read in two parts side by side; false when it is not one, or its
// parts cannot be joined (the caller then streams it whole).
bool read_in_parts(const std::string& path, const std::string& name, uint64_t size, FileRead& out) {
    if (size < kMinPartBytes || std::thread::hardware_concurrency() < 2) return false;
    std::ifstream in(path, std::ios::binary);
    std::string head(static_cast<size_t>(std::min<uint64_t>(size, kHeadBytes)), '\0');
    if (!in.read(head.data(), static_cast<std::streamsize>(head.size()))) return false;
    const PartPrefix prefix = part_prefix(head, size <= kHeadBytes);
    if (!prefix.bytes) return false;
    std::string window(kCutWindow, '\0');
    in.seekg(static_cast<std::streamoff>(size / 2));
    in.read(window.data(), static_cast<std::streamsize>(window.size()));
    window.resize(static_cast<size_t>(in.gcount()));
    const size_t at = cut_after_line_end(window);
    if (at == std::string::npos || size / 2 + at >= size) return false;
    const uint64_t cut = size / 2 + at;

    OrderIdPool first_ids, later_ids;
    LoadedFile first, later;
    bool later_read = false;
    std::thread other([&] {
        later_read = read_part(path, name, head.substr(0, prefix.bytes), cut, size - cut, size, later_ids, later);
    });
    const bool first_read = read_part(path, name, "", 0, cut, size, first_ids, first);
    other.join();
    if (!first_read || !later_read || !join_part(first, later, prefix, first_ids, &later_ids)) return false;
    out.file = std::move(first);
    out.ids = std::move(first_ids);
    return true;
}

// One file, whole, in 4 MiB chunks (a large All Orders file in two parts). A feedback file's
// comments are read here too, beside the other files, instead of in the evaluation.
void read_one(const std::string& path, FileRead& out) {
    std::error_code dir_ec;
    if (std::filesystem::is_directory(path, dir_ec)) {  // opens as an empty stream: name it
        out.error = EISDIR;
        return;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.error = errno ? errno : ENOENT;
        return;
    }
    const size_t slash = path.find_last_of('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    // The size lets the orders reader reserve once instead of growing (no copy of a large
    // vector at peak); 0 when unknown (a pipe).
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && std::filesystem::is_regular_file(path, ec) && read_in_parts(path, name, size, out)) return;
    FileReader reader(name, out.ids);
    if (!ec && size) reader.set_size_hint(size);
    const std::unique_ptr<char[]> buffer(new char[kChunkSize]);
    while (in) {
        in.read(buffer.get(), static_cast<std::streamsize>(kChunkSize));
        const auto got = static_cast<size_t>(in.gcount());
        if (got) reader.feed(reinterpret_cast<const uint8_t*>(buffer.get()), got);
    }
    out.file = reader.finish();
    if (!out.file.records.feedback.empty()) read_feedback_comments(out.file);
}

}  // namespace

std::vector<int> read_files_into(Session& session, const std::vector<std::string>& paths) {
    std::vector<FileRead> reads(paths.size());
    std::atomic<size_t> next{0};
    const auto work = [&] {
        for (size_t i; (i = next++) < paths.size();) read_one(paths[i], reads[i]);
    };
    const size_t threads = std::min<size_t>(paths.size(), std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> others;
    for (size_t t = 1; t < threads; ++t) {
        try {
            others.emplace_back(work);
        } catch (const std::system_error&) {
            break;  // no thread to spare: this one reads the rest
        }
    }
    work();
    for (std::thread& t : others) t.join();
    std::vector<int> errors;
    for (FileRead& read : reads) {
        errors.push_back(read.error);
        if (!read.error) session.add_read_file(std::move(read.file), read.ids);
        read = FileRead();  // its pool and anything the session did not take
    }
    return errors;
}

}  // namespace sh::cli
