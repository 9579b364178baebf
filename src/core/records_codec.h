// One loaded file (its InputInfo and Records) as one flat byte buffer, so a file read in one
// heap (the page's ingest worker) can be handed to a Session in another (the page's app).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/input.h"
#include "core/order_id.h"

namespace sh {

// Order ids packed from Amazon's form travel as they are; interned ids travel as their text
// (the encoder's whole pool) and are interned again into the decoder's pool, so a file read
// with its own pool joins the Session's other files by the same keys.
size_t encoded_size(const LoadedFile& file, const OrderIdPool& ids);
// Writes exactly encoded_size(file, ids) bytes to `out` (the caller allocates: in the page a
// failed allocation must become the file's error, not an abort).
void encode_loaded_file(const LoadedFile& file, const OrderIdPool& ids, uint8_t* out);
std::vector<uint8_t> encode_loaded_file(const LoadedFile& file, const OrderIdPool& ids);

// Reads a buffer written by encode_loaded_file. A buffer that is truncated, corrupt or of
// another format version gives false and a reason in `error` (and `out` empty), never a crash
// and never an allocation larger than the buffer justifies.
bool decode_loaded_file(const uint8_t* data, size_t size, OrderIdPool& ids, LoadedFile& out, std::string& error);

}  // namespace sh
