// The Session: streams files through FileReader and caches the evaluated result.
#include "core/session.h"

#include "core/engine/evaluate.h"

namespace sh {

Session::Session() = default;
Session::~Session() = default;

void Session::begin_file(std::string name) {
    reader_ = std::make_unique<FileReader>(std::move(name), ids_);
}

void Session::feed(const uint8_t* data, size_t size) {
    if (reader_) reader_->feed(data, size);
}

const InputInfo& Session::finish_file() {
    static const InputInfo kNone{};
    if (!reader_) return kNone;
    files_.push_back(reader_->finish());
    reader_.reset();
    stale_ = true;
    return files_.back().info;
}

uint64_t Session::bytes_in_progress() const { return reader_ ? reader_->bytes_fed() : 0; }

void Session::remove_file(size_t index) {
    if (index >= files_.size()) return;
    files_.erase(files_.begin() + static_cast<std::ptrdiff_t>(index));
    stale_ = true;
}

void Session::clear() {
    files_.clear();
    reader_.reset();
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
