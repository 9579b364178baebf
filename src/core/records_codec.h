// One loaded file (its InputInfo and Records) as one flat byte buffer, so a file read in one
// heap (the page's ingest worker) can be handed to a Session in another (the page's app).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "core/input.h"
#include "core/order_id.h"

namespace sh {

// Order ids packed from Amazon's form travel as they are; interned ids travel as their text
// (the encoder's whole pool) and are interned again into the decoder's pool, so a file read
// with its own pool joins the Session's other files by the same keys.
//
// With `orders_beside`, the file's orders and its order key table (its two large parts: 1 M
// orders are 24 MB and 8 MB) are left out of the buffer and travel beside it as they are in
// memory: the page's worker hands records.orders and order_slots.raw() over as they are (no
// copy into the buffer) and the page copies them straight into a BesideParts, which the
// decoder checks and takes (issue 9). Both ends are the same wasm module.
size_t encoded_size(const LoadedFile& file, const OrderIdPool& ids, bool orders_beside = false);
// Writes exactly encoded_size(file, ids, orders_beside) bytes to `out` (the caller allocates:
// in the page a failed allocation must become the file's error, not an abort).
void encode_loaded_file(const LoadedFile& file, const OrderIdPool& ids, uint8_t* out, bool orders_beside = false);
std::vector<uint8_t> encode_loaded_file(const LoadedFile& file, const OrderIdPool& ids);

// The key table's slots an encoding carries: LoadedFile::order_slots.raw() when the table
// holds the file's orders, else none (the worker hands these over beside the buffer).
const std::vector<uint32_t>& carried_slots(const LoadedFile& file);

// What travelled beside a buffer encoded with `orders_beside`: the orders' bytes (the
// encoder's records.orders) and the key table's (its order_slots.raw(), empty when it had
// none). Order is trivially copyable: bytes copied from one instance of the module are orders
// in another.
struct BesideParts {
    std::vector<Order> orders;
    std::vector<uint32_t> slots;
};
static_assert(std::is_trivially_copyable<Order>::value, "orders travel as their bytes");

// Reads a buffer written by encode_loaded_file (with `beside`, what travelled beside it, which
// the decoded file takes). A buffer that is truncated, corrupt or of another format version,
// or parts beside it that do not match it, give false and a reason in `error` (and `out`
// empty), never a crash and never an allocation larger than the buffer justifies.
bool decode_loaded_file(const uint8_t* data, size_t size, OrderIdPool& ids, LoadedFile& out, std::string& error,
                        BesideParts* beside = nullptr);

}  // namespace sh
