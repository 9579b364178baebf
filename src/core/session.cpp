// The Session: streams files through FileReader and caches the evaluated result.
#include "core/session.h"

#include <algorithm>
#include <cstdlib>

#include "core/engine/evaluate.h"

namespace sh {

namespace {

bool malloc_probe(size_t bytes) {
    // volatile: compilers may otherwise drop a malloc/free pair and assume it succeeded.
    void* volatile p = std::malloc(bytes);
    const bool ok = p != nullptr;
    std::free(p);
    return ok;
}

}  // namespace

Session::Session() = default;
Session::~Session() = default;

void Session::begin_file(std::string name) {
    reader_.reset();
    name_in_progress_ = name;
    fed_in_progress_ = 0;
    next_memory_check_ = kMemoryCheckBytes;
    out_of_memory_ = false;
    reader_ = std::make_unique<FileReader>(std::move(name), ids_);
}

void Session::feed(const uint8_t* data, size_t size) {
    if (!reader_) return;
    reader_->feed(data, size);
    fed_in_progress_ += size;
    if (fed_in_progress_ >= next_memory_check_) check_memory();
}

void Session::check_memory() {
    next_memory_check_ = fed_in_progress_ + kMemoryCheckBytes;
    // Room for the records' next growth: All Orders keeps ~35 bytes per ~70-byte row (24 per
    // order plus its index slot), and a growing vector needs its old and new blocks at once.
    const uint64_t want = (uint64_t(64) << 20) + fed_in_progress_ / 2;
    const size_t bytes = want > SIZE_MAX / 2 ? SIZE_MAX / 2 : static_cast<size_t>(want);
    if ((memory_probe_ ? memory_probe_ : malloc_probe)(bytes)) return;
    reader_.reset();  // frees everything the file had read so far
    out_of_memory_ = true;
}

void Session::drop_file_out_of_memory() {
    if (!reader_) return;
    reader_.reset();
    out_of_memory_ = true;
}

const InputInfo& Session::finish_file() {
    static const InputInfo kNone{};
    if (out_of_memory_) {
        LoadedFile file;
        file.info.name = name_in_progress_;
        file.info.bytes = fed_in_progress_;
        file.info.error = std::string(kMemoryError) + " (stopped after " +
                          std::to_string(fed_in_progress_ >> 20) + " MB); close other tabs or load a shorter date range";
        files_.push_back(std::move(file));
        out_of_memory_ = false;
        stale_ = true;
        return files_.back().info;
    }
    if (!reader_) return kNone;
    files_.push_back(reader_->finish());
    reader_.reset();
    stale_ = true;
    return files_.back().info;
}

uint64_t Session::bytes_in_progress() const { return reader_ ? reader_->bytes_fed() : fed_in_progress_; }

void Session::remove_file(size_t index) {
    if (index >= files_.size()) return;
    files_.erase(files_.begin() + static_cast<std::ptrdiff_t>(index));
    stale_ = true;
}

void Session::clear() {
    files_.clear();
    reader_.reset();
    out_of_memory_ = false;
    stale_ = true;
}

void Session::set_options(const Options& options) {
    options_ = options;
    stale_ = true;
}

const Result& Session::result() {
    if (stale_) {
        result_ = evaluate(files_, ids_, options_);
        stale_ = false;
    }
    return result_;
}

}  // namespace sh
