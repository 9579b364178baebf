// The core's state for one seller: loaded files, options, and the result. Every face
// (CLI, page, ImGui app) drives the core through this one object.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/engine/order_index.h"
#include "core/feedback/analyse.h"
#include "core/file_parts.h"
#include "core/ingest/reader.h"
#include "core/input.h"
#include "core/records_codec.h"
#include "core/options.h"
#include "core/result.h"

namespace sh {

class Session {
public:
    Session();
    ~Session();

    // Streams one file in: begin, any number of feeds, finish. One file at a time.
    // `size_hint` is the file's size when the host knows it (FileReader::set_size_hint).
    void begin_file(std::string name, uint64_t size_hint = 0);
    void feed(const uint8_t* data, size_t size);
    // Adds the file (even an unusable one, so its error is shown) and returns its summary.
    const InputInfo& finish_file();
    bool file_in_progress() const { return reader_ != nullptr || out_of_memory_; }
    uint64_t bytes_in_progress() const;

    // A file read elsewhere (the page's ingest worker, with its own Session and id pool):
    // note_progress says how far it is (shown as bytes_in_progress while no file streams
    // here); add_loaded_file adds its records_codec buffer, interning its order ids into this
    // session's pool. A buffer that cannot be decoded adds the file with that error; one that
    // would not fit this heap adds it with kMemoryError (as does add_file_out_of_memory, for a
    // worker that ran out of memory itself). `beside`: the orders and key table that travelled
    // beside the buffer (records_codec.h), taken by the file.
    void note_progress(uint64_t bytes);
    const InputInfo& add_loaded_file(const uint8_t* data, size_t size, const std::string& name, uint64_t file_bytes,
                                     BesideParts* beside = nullptr);
    const InputInfo& add_file_out_of_memory(std::string name, uint64_t bytes_read);
    // A file read outside the session, with the pool its ids were interned in (interned again
    // here) and its feedback comments perhaps read (LoadedFile::comment_findings): the CLI reads
    // files side by side on its threads, a large one in parts (file_parts.h), joined first.
    // In the page, the worker that read the first half calls join_loaded_part with the other
    // worker's buffer of the second half, which joins it into the file finished last; false
    // (and that file removed) when the halves cannot be joined: the file is then read whole.
    const InputInfo& add_read_file(LoadedFile file, const OrderIdPool& file_ids);
    bool join_loaded_part(const uint8_t* data, size_t size, const PartPrefix& prefix);
    // The ingest worker reads the last file's feedback comments before encoding it
    // (LoadedFile::comment_findings); add_loaded_file hands them to the next evaluation.
    void read_feedback_comments_of_last_file();
    // The pool of this session's interned order ids (the worker encodes its files with it).
    const OrderIdPool& ids() const { return ids_; }

    void remove_file(size_t index);
    void clear();
    const std::vector<LoadedFile>& files() const { return files_; }

    const Options& options() const { return options_; }
    void set_options(const Options& options);

    // The result for the current files and options; recomputed only when something changed.
    const Result& result();
    // The result moved out, for a caller about to drop the session (the CLI: no copy of its
    // feedback entries and items at the run's peak); the next result() evaluates again.
    Result take_result();
    // While a batch of files streams in, result() keeps giving the last result instead of
    // evaluating after every file (the page's frames ask for it continually); released, the
    // next result() evaluates once for the whole batch.
    void hold_result(bool hold) { hold_result_ = hold; }
    bool result_held() const { return hold_result_; }
    // Builds the files' order index now, if the next evaluation would (it is kept between
    // evaluations until the files change): the page does this in a task of its own after a
    // batch's last file, so the evaluation's task is shorter (issue 9).
    void prepare_order_index();

    // Memory guard (the page's heap cannot always grow, and without exceptions a failed
    // allocation would abort the app): after every kMemoryCheckBytes fed, the session asks
    // `probe(n)` whether n more bytes could still be allocated (n = 64 MB + half the bytes fed:
    // room for the records' next growth); when not, the file is dropped at once and
    // finishes with the error kMemoryError. The default probe tries malloc(n) and frees it
    // (malloc returns null instead of aborting in the wasm build). Tests pass their own.
    using MemoryProbe = bool (*)(size_t bytes);
    static constexpr uint64_t kMemoryCheckBytes = uint64_t(4) << 20;
    static constexpr const char* kMemoryError = "file too large for this browser's memory";
    void set_memory_probe(MemoryProbe probe) { memory_probe_ = probe; }
    // Whether `bytes` more would fit this heap now (the probe's answer).
    bool memory_available(size_t bytes) const;
    // The host could not even allocate its read buffer: the file in progress ends with
    // kMemoryError, exactly as when the guard trips.
    void drop_file_out_of_memory();

private:
    void check_memory();
    void files_changed();
    void keep_comment_findings(LoadedFile& file);

    OrderIdPool ids_;
    std::vector<LoadedFile> files_;
    std::unique_ptr<FileReader> reader_;
    std::string name_in_progress_;
    uint64_t fed_in_progress_ = 0, next_memory_check_ = 0;
    bool out_of_memory_ = false;  // the file in progress was dropped by the memory guard
    MemoryProbe memory_probe_ = nullptr;
    Options options_;
    Result result_;
    CommentMemo comments_;  // feedback comments read by earlier evaluations
    OrderIndexCache order_index_;  // the files' order index, kept until they change
    bool stale_ = true;
    bool hold_result_ = false;
};

}  // namespace sh
