// The Session: streams files through FileReader and caches the evaluated result.
#include "core/session.h"

#include <algorithm>
#include <cstdlib>

#include "core/engine/evaluate.h"
#include "core/records_codec.h"

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

void Session::begin_file(std::string name, uint64_t size_hint) {
    reader_.reset();
    name_in_progress_ = name;
    fed_in_progress_ = 0;
    next_memory_check_ = kMemoryCheckBytes;
    out_of_memory_ = false;
    reader_ = std::make_unique<FileReader>(std::move(name), ids_);
    // The reader asks the session's probe before reserving for the hint (null: its default).
    reader_->set_memory_probe(memory_probe_);
    if (size_hint) reader_->set_size_hint(size_hint);
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
    if (memory_available(bytes)) return;
    reader_.reset();  // frees everything the file had read so far
    out_of_memory_ = true;
}

bool Session::memory_available(size_t bytes) const { return (memory_probe_ ? memory_probe_ : malloc_probe)(bytes); }

void Session::drop_file_out_of_memory() {
    if (!reader_) return;
    reader_.reset();
    out_of_memory_ = true;
}

const InputInfo& Session::finish_file() {
    static const InputInfo kNone{};
    if (out_of_memory_) {
        out_of_memory_ = false;
        return add_file_out_of_memory(name_in_progress_, fed_in_progress_);
    }
    if (!reader_) return kNone;
    files_.push_back(reader_->finish());
    reader_.reset();
    files_changed();
    return files_.back().info;
}

const InputInfo& Session::add_file_out_of_memory(std::string name, uint64_t bytes_read) {
    LoadedFile file;
    file.info.name = std::move(name);
    file.info.bytes = bytes_read;
    file.info.error = std::string(kMemoryError) + " (stopped after " + std::to_string(bytes_read >> 20) +
                      " MB); close other tabs or load a shorter date range";
    files_.push_back(std::move(file));
    fed_in_progress_ = 0;
    files_changed();
    return files_.back().info;
}

void Session::note_progress(uint64_t bytes) {
    if (!reader_) fed_in_progress_ = bytes;
}

const InputInfo& Session::add_loaded_file(const uint8_t* data, size_t size, const std::string& name,
                                          uint64_t file_bytes, BesideParts* beside) {
    fed_in_progress_ = 0;
    // The decoded records take about what their encoding does (orders: exactly), strings a
    // little more; keep the streaming guard's 64 MB of room beside them.
    const uint64_t want = (uint64_t(64) << 20) + uint64_t(size) * 2;
    if (!memory_available(want > SIZE_MAX / 2 ? SIZE_MAX / 2 : static_cast<size_t>(want)))
        return add_file_out_of_memory(name, file_bytes);
    LoadedFile file;
    std::string error;
    if (!decode_loaded_file(data, size, ids_, file, error, beside)) {
        file.info.name = name;
        file.info.bytes = file_bytes;
        file.info.error = error;
    }
    keep_comment_findings(file);
    files_.push_back(std::move(file));
    files_changed();
    return files_.back().info;
}

// The feedback comments read already (by the ingest worker, or the CLI's reading thread): the
// first evaluation finds them here.
void Session::keep_comment_findings(LoadedFile& file) {
    for (size_t i = 0; i < file.comment_findings.size(); ++i)
        comments_.remember(file.records.feedback[i].comment, file.records.feedback[i].rating,
                           std::move(file.comment_findings[i]));
    std::vector<feedback::CommentFindings>().swap(file.comment_findings);
}

const InputInfo& Session::add_read_file(LoadedFile file, const OrderIdPool& file_ids) {
    if (reintern_order_ids(file.records, file_ids, ids_)) file.order_slots.release();
    keep_comment_findings(file);
    files_.push_back(std::move(file));
    files_changed();
    return files_.back().info;
}

bool Session::join_loaded_part(const uint8_t* data, size_t size, const PartPrefix& prefix) {
    LoadedFile part;
    std::string error;
    const uint64_t want = (uint64_t(64) << 20) + uint64_t(size) * 2;  // as add_loaded_file asks
    const bool joined = !files_.empty() && memory_available(want > SIZE_MAX / 2 ? SIZE_MAX / 2 : size_t(want)) &&
                        decode_loaded_file(data, size, ids_, part, error) &&
                        join_part(files_.back(), part, prefix, ids_);
    if (!joined && !files_.empty()) files_.pop_back();
    files_changed();
    return joined;
}

void Session::read_feedback_comments_of_last_file() {
    if (!files_.empty() && !files_.back().records.feedback.empty()) read_feedback_comments(files_.back());
}

uint64_t Session::bytes_in_progress() const { return reader_ ? reader_->bytes_fed() : fed_in_progress_; }

void Session::remove_file(size_t index) {
    if (index >= files_.size()) return;
    files_.erase(files_.begin() + static_cast<std::ptrdiff_t>(index));
    files_changed();
}

void Session::clear() {
    files_.clear();
    comments_.clear();
    reader_.reset();
    out_of_memory_ = false;
    files_changed();
}

// The files changed: a new result, and the order index (which points into them) built again.
void Session::files_changed() {
    stale_ = true;
    order_index_.ready = false;
    order_index_.index = OrderIndex{};
}

void Session::prepare_order_index() {
    if (order_index_.ready) return;
    order_index_.index = build_order_index(files_);
    order_index_.ready = true;
}

void Session::set_options(const Options& options) {
    options_ = options;
    stale_ = true;
}

const Result& Session::result() {
    if (stale_ && !hold_result_) {
        result_ = evaluate(files_, ids_, options_, &comments_, &order_index_);
        stale_ = false;
    }
    return result_;
}

Result Session::take_result() {
    result();
    stale_ = true;
    return std::move(result_);
}

}  // namespace sh
