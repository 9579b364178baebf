// The ingest worker's C functions (web/ingest_worker.js): one file streamed through a Session
// of its own, then handed to the page as one records_codec buffer. Linked into the app's wasm
// module, which the worker instantiates without running main(): it calls only these (no ImGui,
// no GL there).
#include <emscripten.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "core/records_codec.h"
#include "core/session.h"

namespace {

// One file at a time; a fresh Session (and order-id pool) per file, so the buffer carries only
// this file's interned ids and the worker's heap is released between files.
struct Ingest {
    std::unique_ptr<sh::Session> session;
    uint8_t* buffer = nullptr;  // the last file's encoding, until sh_ingest_release
    size_t buffer_size = 0;
};
Ingest ingest;

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void sh_ingest_begin(const char* name, double size) {
    ingest.session = std::make_unique<sh::Session>();
    ingest.session->begin_file(name, size > 0 ? static_cast<uint64_t>(size) : 0);
}

EMSCRIPTEN_KEEPALIVE void sh_ingest_feed(const uint8_t* data, size_t size) {
    if (ingest.session) ingest.session->feed(data, size);
}

// The worker could not allocate its chunk buffer: the file ends with the memory error.
EMSCRIPTEN_KEEPALIVE void sh_ingest_out_of_memory() {
    if (ingest.session) ingest.session->drop_file_out_of_memory();
}

// Ends the file; its records stay here until sh_ingest_encode (or a later part joins them).
// A feedback file's comments are read here too, so the page's first evaluation does not.
EMSCRIPTEN_KEEPALIVE void sh_ingest_finish() {
    if (!ingest.session) return;
    ingest.session->finish_file();
    ingest.session->read_feedback_comments_of_last_file();
}

// A large All Orders file read in two parts (core/file_parts.h): the other worker's buffer of
// the later part, joined here into the file just finished, off the page's thread. 1 when
// joined; 0 when the parts cannot be joined (the file is gone: the page reads it whole).
EMSCRIPTEN_KEEPALIVE int sh_ingest_join(const uint8_t* data, size_t size, double prefix_bytes, double prefix_lines) {
    if (!ingest.session || ingest.session->files().empty()) return 0;
    const sh::PartPrefix prefix{static_cast<size_t>(prefix_bytes), static_cast<uint32_t>(prefix_lines)};
    return ingest.session->join_loaded_part(data, size, prefix) ? 1 : 0;
}

// Encodes the finished file: returns the buffer (its size is sh_ingest_size()), or null when
// there is none or it could not be allocated (the page then gives the file the memory error).
// With `orders_beside` the orders and their key table stay out of the buffer: the worker
// copies them out of this heap as they are (sh_ingest_orders, sh_ingest_slots) before
// sh_ingest_release (records_codec.h).
EMSCRIPTEN_KEEPALIVE const uint8_t* sh_ingest_encode(int orders_beside) {
    if (!ingest.session || ingest.session->files().empty()) return nullptr;
    const sh::LoadedFile& file = ingest.session->files().back();
    ingest.buffer_size = sh::encoded_size(file, ingest.session->ids(), orders_beside != 0);
    ingest.buffer = static_cast<uint8_t*>(std::malloc(ingest.buffer_size ? ingest.buffer_size : 1));
    if (ingest.buffer) sh::encode_loaded_file(file, ingest.session->ids(), ingest.buffer, orders_beside != 0);
    if (!orders_beside) ingest.session.reset();  // the records are in the buffer now
    return ingest.buffer;
}

// The encoded file's orders and key table, as they are in this heap (after
// sh_ingest_encode(1), until sh_ingest_release); sizes in bytes.
static const sh::LoadedFile* encoded_file() {
    return ingest.session && !ingest.session->files().empty() ? &ingest.session->files().back() : nullptr;
}
EMSCRIPTEN_KEEPALIVE const void* sh_ingest_orders() { return encoded_file() ? encoded_file()->records.orders.data() : nullptr; }
EMSCRIPTEN_KEEPALIVE double sh_ingest_orders_bytes() {
    return encoded_file() ? static_cast<double>(encoded_file()->records.orders.size() * sizeof(sh::Order)) : 0;
}
EMSCRIPTEN_KEEPALIVE const void* sh_ingest_slots() { return encoded_file() ? sh::carried_slots(*encoded_file()).data() : nullptr; }
EMSCRIPTEN_KEEPALIVE double sh_ingest_slots_bytes() {
    return encoded_file() ? static_cast<double>(sh::carried_slots(*encoded_file()).size() * sizeof(uint32_t)) : 0;
}

EMSCRIPTEN_KEEPALIVE double sh_ingest_size() { return static_cast<double>(ingest.buffer_size); }

// Lets go of the last file: its buffer, and its records when they were never encoded.
EMSCRIPTEN_KEEPALIVE void sh_ingest_release() {
    ingest.session.reset();
    std::free(ingest.buffer);
    ingest.buffer = nullptr;
    ingest.buffer_size = 0;
}

}  // extern "C"
