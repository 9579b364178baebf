// The core's state for one seller: loaded files, options, and the result. Every face
// (CLI, page, ImGui app) drives the core through this one object.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/ingest/reader.h"
#include "core/input.h"
#include "core/options.h"
#include "core/result.h"

namespace sh {

class Session {
public:
    Session();
    ~Session();

    // Streams one file in: begin, any number of feeds, finish. One file at a time.
    void begin_file(std::string name);
    void feed(const uint8_t* data, size_t size);
    // Adds the file (even an unusable one, so its error is shown) and returns its summary.
    const InputInfo& finish_file();
    bool file_in_progress() const { return reader_ != nullptr; }
    uint64_t bytes_in_progress() const;

    void remove_file(size_t index);
    void clear();
    const std::vector<LoadedFile>& files() const { return files_; }

    const Options& options() const { return options_; }
    void set_options(const Options& options);

    // The result for the current files and options; recomputed only when something changed.
    const Result& result();

private:
    OrderIdPool ids_;
    std::vector<LoadedFile> files_;
    std::unique_ptr<FileReader> reader_;
    Options options_;
    Result result_;
    bool stale_ = true;
};

}  // namespace sh
