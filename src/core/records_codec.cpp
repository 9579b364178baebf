// The loaded-file codec: one field list per record kind, walked by a writer (which also counts)
// and by a bounds-checked reader. Little-endian hosts only share buffers (wasm to wasm).
#include "core/records_codec.h"

#include <cstring>
#include <utility>

namespace sh {

namespace {

constexpr uint8_t kMagic[4] = {'S', 'H', 'L', 'F'};
constexpr uint32_t kVersion = 5;

// Writes fields to `out`, or only counts them when `out` is null.
struct Writer {
    [[maybe_unused]] static constexpr bool reads = false;  // for bit(): only orders use it, and list(Writer&, orders) writes them
    uint8_t* out = nullptr;
    size_t n = 0;
    const OrderIdPool* ids = nullptr;
    bool beside = false;  // the orders and their key table travel beside the buffer (BesideParts)

    void bytes(const void* p, size_t size) {
        if (out && size) std::memcpy(out + n, p, size);
        n += size;
    }
    template <class T> void pod(T& v) { bytes(&v, sizeof v); }
    void key(OrderKey& k) { pod(k); }
    void flag(bool& b) {
        uint8_t v = b ? 1 : 0;
        pod(v);
    }
    template <class E> void enumeration(E& e, unsigned /*max*/) {
        uint8_t v = static_cast<uint8_t>(e);
        pod(v);
    }
    void text(std::string& s) {
        uint32_t size = static_cast<uint32_t>(s.size());
        pod(size);
        bytes(s.data(), s.size());
    }
    template <class T> bool count(std::vector<T>& v, size_t /*min_item_bytes*/) {
        uint32_t size = static_cast<uint32_t>(v.size());
        pod(size);
        return true;
    }
    bool ok() const { return true; }
};

// Reads fields back; the first problem stops it (every later read is a no-op).
struct Reader {
    static constexpr bool reads = true;
    const uint8_t* p = nullptr;
    const uint8_t* end = nullptr;
    const std::vector<OrderKey>* interned = nullptr;  // the encoder's pool index -> our key
    BesideParts* beside = nullptr;                     // what travelled beside the buffer
    std::string error;

    bool ok() const { return error.empty(); }
    void fail(const char* why) {
        if (error.empty()) error = why;
    }
    size_t left() const { return static_cast<size_t>(end - p); }
    bool take(void* dst, size_t size) {
        if (!ok()) return false;
        if (size > left()) {
            fail("truncated");
            return false;
        }
        if (size) std::memcpy(dst, p, size);
        p += size;
        return true;
    }
    template <class T> void pod(T& v) {
        if (!take(&v, sizeof v)) std::memset(&v, 0, sizeof v);
    }
    void key(OrderKey& k) {
        pod(k);
        if (!(k & kInternedBit)) return;
        const uint64_t i = k & ~kInternedBit;
        if (!interned || i >= interned->size()) {
            fail("an order id refers past the id table");
            k = kNoOrder;
            return;
        }
        k = (*interned)[static_cast<size_t>(i)];
    }
    void flag(bool& b) {
        uint8_t v = 0;
        pod(v);
        if (v > 1) fail("a yes/no field is neither");
        b = v == 1;
    }
    template <class E> void enumeration(E& e, unsigned max) {
        uint8_t v = 0;
        pod(v);
        if (v > max) {
            fail("an enumeration is out of range");
            v = 0;
        }
        e = static_cast<E>(v);
    }
    void text(std::string& s) {
        uint32_t size = 0;
        pod(size);
        if (!ok()) return;
        if (size > left()) {
            fail("truncated");
            return;
        }
        s.assign(reinterpret_cast<const char*>(p), size);
        p += size;
    }
    // Sizes the vector, refusing counts the remaining bytes cannot hold (a corrupt count must
    // not allocate gigabytes).
    template <class T> bool count(std::vector<T>& v, size_t min_item_bytes) {
        uint32_t size = 0;
        pod(size);
        if (!ok()) return false;
        if (min_item_bytes && size > left() / min_item_bytes) {
            fail("a count is larger than the buffer");
            return false;
        }
        v.clear();
        v.resize(size);
        return true;
    }
};

// --- one field list per kind: the writer and the reader walk the same list --------------------

template <class IO> void day(IO& io, Day& d) { io.pod(d.n); }
template <class IO> void day(IO& io, MaybeDay& d) { io.pod(d.n); }

template <class IO> void timestamp(IO& io, Timestamp& t) {
    io.pod(t.utc_seconds);
    io.pod(t.offset_minutes);
    io.flag(t.has_time);
}

// A one-bit member (Order's flags) through flag(); the writer leaves the record as it is.
template <class IO, class Get, class Set> void bit(IO& io, Get get, Set set) {
    bool b = get();
    io.flag(b);
    if constexpr (IO::reads) set(b);
}

template <class IO> void fields(IO& io, Order& o) {
    io.key(o.key);
    day(io, o.day);
    day(io, o.last_updated);
    io.enumeration(o.channel, 2);
    bit(io, [&] { return o.cancelled; }, [&](bool b) { o.cancelled = b; });
    bit(io, [&] { return o.status_mixed; }, [&](bool b) { o.status_mixed = b; });
    bit(io, [&] { return o.said_buyer_yes; }, [&](bool b) { o.said_buyer_yes = b; });
    bit(io, [&] { return o.said_buyer_no; }, [&](bool b) { o.said_buyer_no = b; });
    io.enumeration(o.buyer_requested_cancel, 2);
    io.pod(o.marketplace);
    io.pod(o.units);
}
constexpr size_t kOrderBytes = 8 + 4 + 4 + 1 + 4 + 1 + 1 + 4;

template <class IO> void fields(IO& io, FeedbackEntry& f) {
    day(io, f.day);
    io.pod(f.short_date.year);
    io.pod(f.short_date.a);
    io.pod(f.short_date.b);
    io.flag(f.needs_date_order);
    io.pod(f.rating);
    io.flag(f.removed);
    io.key(f.order);
    io.text(f.comment);
    io.text(f.response);
    io.pod(f.line);
}

template <class IO> void fields(IO& io, Claim& c) {
    io.key(c.order);
    day(io, c.order_day);
    day(io, c.claim_day);
    io.enumeration(c.type, 1);
    io.enumeration(c.status, 4);
    io.flag(c.amazon_funded);
    io.flag(c.fraud);
    io.pod(c.line);
}

template <class IO> void fields(IO& io, Shipment& s) {
    io.key(s.order);
    day(io, s.order_day);
    day(io, s.expected_ship);
    day(io, s.ship_confirm);
    day(io, s.promised_delivery);
    day(io, s.delivered);
    io.flag(s.has_tracking);
    io.flag(s.tracking_valid);
    io.pod(s.units);
    io.pod(s.category);
    io.pod(s.line);
}

template <class IO> void fields(IO& io, ReturnRequest& r) {
    io.key(r.order);
    day(io, r.order_day);
    day(io, r.request_day);
    io.text(r.status);
    io.enumeration(r.in_policy, 2);
    io.flag(r.a_to_z_claim);
    io.text(r.reason);
    io.pod(r.quantity);
    io.pod(r.line);
}

template <class IO> void fields(IO& io, FbaReturn& r) {
    day(io, r.day);
    io.key(r.order);
    io.text(r.sku);
    io.text(r.reason);
    io.text(r.customer_comments);
    io.pod(r.quantity);
}

template <class IO> void fields(IO& io, Message& m) {
    io.text(m.id);
    timestamp(io, m.received);
    io.flag(m.has_response);
    timestamp(io, m.responded);
    io.flag(m.no_response_needed);
    io.pod(m.line);
}

template <class IO> void fields(IO& io, CancellationFlag& c) {
    io.key(c.order);
    day(io, c.order_day);
    io.flag(c.impacts_account_health);
}

template <class IO> void fields(IO& io, TrackingRow& t) {
    io.key(t.order);
    io.flag(t.has_tracking);
    io.flag(t.valid);
    day(io, t.promised_delivery);
    io.pod(t.category);
}

template <class IO> void fields(IO& io, std::pair<std::string, double>& c) {
    io.text(c.first);
    io.pod(c.second);
}

template <class IO> void fields(IO& io, std::string& s) { io.text(s); }

// What the ingest worker's reading of a feedback comment found (feedback/comment.h).
template <class IO> void fields(IO& io, feedback::Cause& c) { io.enumeration(c, feedback::kCauseCount - 1); }
template <class IO> void fields(IO& io, feedback::CueHit& h) {
    io.enumeration(h.cause, feedback::kCauseCount - 1);
    io.pod(h.begin);
    io.pod(h.end);
}

template <class IO, class T> void list(IO& io, std::vector<T>& v, size_t min_item_bytes) {
    if (!io.count(v, min_item_bytes)) return;
    for (T& item : v) {
        fields(io, item);
        if (!io.ok()) return;
    }
}

// Where a large part of the buffer is: in it, or beside it (BesideParts).
constexpr uint8_t kInline = 0, kBeside = 1;

// Orders are most of a large file's buffer (1 M orders: 27 MB): written and read in one loop
// over raw bytes, the reader's bounds checked once for the whole list (the count was checked
// against the bytes left), not per field (issue 9). The bytes are exactly the field list's
// above; an order the fast reader doubts is read again, with the rest, by the field list,
// which names the problem. Beside the buffer they are the vector's own memory (the page's
// worker hands it over as it is), checked and re-keyed in place by the reader.
void list(Writer& w, std::vector<Order>& v, size_t /*min_item_bytes*/) {
    uint32_t size = static_cast<uint32_t>(v.size());
    uint8_t where = w.beside ? kBeside : kInline;
    w.pod(size);
    w.pod(where);
    if (w.beside) return;
    if (w.out) {
        uint8_t* p = w.out + w.n;
        for (const Order& o : v) {
            std::memcpy(p, &o.key, 8);
            std::memcpy(p + 8, &o.day.n, 4);
            std::memcpy(p + 12, &o.last_updated.n, 4);
            p[16] = static_cast<uint8_t>(o.channel);
            p[17] = o.cancelled ? 1 : 0;
            p[18] = o.status_mixed ? 1 : 0;
            p[19] = o.said_buyer_yes ? 1 : 0;
            p[20] = o.said_buyer_no ? 1 : 0;
            p[21] = static_cast<uint8_t>(o.buyer_requested_cancel);
            p[22] = o.marketplace;
            std::memcpy(p + 23, &o.units, 4);
            p += kOrderBytes;
        }
    }
    w.n += v.size() * kOrderBytes;
}

// The orders that travelled beside the buffer, `count` of them: their interned keys turned
// into ours and their enumerations checked, in place; then they are the file's.
void orders_beside(Reader& r, std::vector<Order>& v, uint32_t count) {
    if (!r.beside || r.beside->orders.size() != count) {
        r.fail("the orders beside the buffer are missing or of another count");
        return;
    }
    // One pass without branches (1 M orders: the page waits for it), another only for interned
    // ids (Amazon's ids are packed, not interned).
    std::vector<Order>& orders = r.beside->orders;
    unsigned bad_enum = 0;
    OrderKey any_interned = 0;
    for (const Order& o : orders) {
        bad_enum |= unsigned(static_cast<uint8_t>(o.channel) > 2) | unsigned(static_cast<uint8_t>(o.buyer_requested_cancel) > 2);
        any_interned |= o.key & kInternedBit;
    }
    if (bad_enum) return r.fail("an enumeration is out of range");
    if (any_interned) {
        const OrderKey* interned = r.interned ? r.interned->data() : nullptr;
        const size_t interned_count = r.interned ? r.interned->size() : 0;
        for (Order& o : orders) {
            if (!(o.key & kInternedBit)) continue;
            const uint64_t at = o.key & ~kInternedBit;
            if (at >= interned_count) return r.fail("an order id refers past the id table");
            o.key = interned[at];
        }
    }
    v = std::move(orders);
}

void list(Reader& r, std::vector<Order>& v, size_t /*min_item_bytes*/) {
    uint32_t count = 0;
    uint8_t where = kInline;
    r.pod(count);
    r.pod(where);
    if (!r.ok()) return;
    if (where == kBeside) return orders_beside(r, v, count);
    if (where != kInline) return r.fail("an enumeration is out of range");
    if (count > r.left() / kOrderBytes) return r.fail("a count is larger than the buffer");
    v.clear();
    v.resize(count);
    const OrderKey* interned = r.interned ? r.interned->data() : nullptr;
    const size_t interned_count = r.interned ? r.interned->size() : 0;
    for (size_t i = 0; i < v.size(); ++i) {
        const uint8_t* p = r.p;
        Order& o = v[i];
        OrderKey key;
        std::memcpy(&key, p, 8);
        const uint64_t at = key & ~kInternedBit;
        if ((key & kInternedBit) && at >= interned_count) {
            for (; i < v.size() && r.ok(); ++i) fields(r, v[i]);
            return;
        }
        const bool valid = p[16] <= 2 && p[17] <= 1 && p[18] <= 1 && p[19] <= 1 && p[20] <= 1 && p[21] <= 2;
        if (!valid) {
            for (; i < v.size() && r.ok(); ++i) fields(r, v[i]);
            return;
        }
        o.key = (key & kInternedBit) ? interned[at] : key;
        std::memcpy(&o.day.n, p + 8, 4);
        std::memcpy(&o.last_updated.n, p + 12, 4);
        o.channel = static_cast<Channel>(p[16]);
        o.cancelled = p[17] == 1;
        o.status_mixed = p[18] == 1;
        o.said_buyer_yes = p[19] == 1;
        o.said_buyer_no = p[20] == 1;
        o.buyer_requested_cancel = static_cast<Tri>(p[21]);
        o.marketplace = p[22];
        std::memcpy(&o.units, p + 23, 4);
        r.p += kOrderBytes;
    }
}

template <class IO> void fields(IO& io, ReportedMetric& m) {
    io.text(m.id);
    io.text(m.scope);
    io.text(m.marketplace_id);
    io.flag(m.has_numerator);
    io.flag(m.has_denominator);
    io.flag(m.has_rate);
    io.flag(m.has_target);
    io.pod(m.numerator);
    io.pod(m.denominator);
    io.pod(m.rate);
    io.pod(m.target);
    io.text(m.condition);
    io.text(m.status);
    day(io, m.from);
    day(io, m.to);
    list(io, m.components, 12);
}

template <class IO> void fields(IO& io, AccountStatus& a) {
    io.text(a.marketplace_id);
    io.text(a.status);
}

template <class IO> void fields(IO& io, Problem& p) {
    io.pod(p.line);
    io.text(p.column);
    io.text(p.message);
}

template <class IO> void fields(IO& io, InputInfo& in) {
    io.text(in.name);
    io.text(in.kind);
    io.text(in.encoding);
    io.text(in.marketplace);
    io.pod(in.bytes);
    io.pod(in.rows);
    io.pod(in.skipped);
    io.pod(in.lines);
    list(io, in.problems, 12);
    io.text(in.error);
    list(io, in.notes, 4);
}

template <class IO> void fields(IO& io, Records& r) {
    list(io, r.marketplaces, 4);
    list(io, r.categories, 4);
    io.enumeration(r.date_order_from_header, 3);
    io.enumeration(r.date_order_from_values, 3);
    io.text(r.feedback_date_column);
    list(io, r.orders, kOrderBytes);
    list(io, r.feedback, 24);
    list(io, r.claims, 24);
    list(io, r.shipments, 38);
    list(io, r.returns, 30);
    list(io, r.fba_returns, 28);
    list(io, r.messages, 30);
    list(io, r.cancellations, 13);
    list(io, r.tracking, 16);
    list(io, r.reported, 48);
    list(io, r.account_statuses, 8);
}

// The encoder's interned ids, in pool order.
template <class IO> void id_table(IO& io, std::vector<std::string>& texts) { list(io, texts, 4); }

template <class IO> void fields(IO& io, feedback::CommentFindings& f) {
    io.enumeration(f.language, feedback::kLangCount - 1);
    list(io, f.causes, 1);
    list(io, f.triggers, 9);
    io.flag(f.obscene);
    io.flag(f.personal_info);
    io.flag(f.promotional);
    io.flag(f.mentions_service);
}

// The All Orders reader's key table (LoadedFile::order_slots) as its raw slots, in the buffer
// or beside it, when it holds the file's orders (else none): the page's order index then need
// not build it (issue 9).
void order_slots(Writer& w, LoadedFile& file) {
    const std::vector<uint32_t>& slots = carried_slots(file);
    uint32_t size = static_cast<uint32_t>(slots.size());
    uint8_t where = w.beside ? kBeside : kInline;
    w.pod(size);
    w.pod(where);
    if (!w.beside) w.bytes(slots.data(), slots.size() * sizeof(uint32_t));
}

// Read back as a table only if it has a table's form for the orders read (OrderSlots::adopt):
// anything else is a corrupt buffer.
void order_slots(Reader& r, LoadedFile& file) {
    uint32_t size = 0;
    uint8_t where = kInline;
    r.pod(size);
    r.pod(where);
    if (!r.ok() || size == 0) return;
    std::vector<uint32_t> raw;
    if (where == kBeside) {
        if (!r.beside || r.beside->slots.size() != size) return r.fail("the order key table beside the buffer is missing or of another size");
        raw = std::move(r.beside->slots);
    } else if (where != kInline) {
        return r.fail("an enumeration is out of range");
    } else if (size > r.left() / sizeof(uint32_t)) {
        return r.fail("truncated");
    } else {
        raw.resize(size);
        r.take(raw.data(), raw.size() * sizeof(uint32_t));
    }
    if (r.ok() && !file.order_slots.adopt(std::move(raw), file.records.orders.size()))
        r.fail("the order key table does not fit the orders");
}

template <class IO> void whole(IO& io, std::vector<std::string>& id_texts, LoadedFile& file) {
    id_table(io, id_texts);
    fields(io, file.info);
    fields(io, file.records);
    order_slots(io, file);
    list(io, file.comment_findings, 9);
}

std::vector<std::string> interned_texts(const OrderIdPool& ids) {
    std::vector<std::string> texts(ids.size());
    for (size_t i = 0; i < texts.size(); ++i) texts[i] = ids.text(kInternedBit | OrderKey(i));
    return texts;
}

void write(Writer& w, const LoadedFile& file, const OrderIdPool& ids) {
    std::vector<std::string> texts = interned_texts(ids);
    uint8_t magic[4] = {kMagic[0], kMagic[1], kMagic[2], kMagic[3]};
    uint32_t version = kVersion;
    w.pod(magic);
    w.pod(version);
    // The writer never changes what it walks; the field lists take references for the reader.
    whole(w, texts, const_cast<LoadedFile&>(file));
}

// Indexes the reader trusts later (the engine looks marketplaces and categories up by them).
bool indexes_valid(const Records& r) {
    const size_t marketplaces = r.marketplaces.size();
    unsigned bad = 0;  // no branch per order: 1 M of them at the end of a load
    for (const Order& o : r.orders) bad |= unsigned(o.marketplace >= marketplaces);
    if (bad) return false;
    for (const Shipment& s : r.shipments)
        if (s.category >= r.categories.size()) return false;
    for (const TrackingRow& t : r.tracking)
        if (t.category >= r.categories.size()) return false;
    return !r.marketplaces.empty() && !r.categories.empty();
}

}  // namespace

const std::vector<uint32_t>& carried_slots(const LoadedFile& file) {
    static const std::vector<uint32_t> kNone;
    const OrderSlots& slots = file.order_slots;
    return !slots.empty() && slots.size() == file.records.orders.size() ? slots.raw() : kNone;
}

size_t encoded_size(const LoadedFile& file, const OrderIdPool& ids, bool orders_beside) {
    Writer w;
    w.beside = orders_beside;
    write(w, file, ids);
    return w.n;
}

void encode_loaded_file(const LoadedFile& file, const OrderIdPool& ids, uint8_t* out, bool orders_beside) {
    Writer w;
    w.out = out;
    w.beside = orders_beside;
    write(w, file, ids);
}

std::vector<uint8_t> encode_loaded_file(const LoadedFile& file, const OrderIdPool& ids) {
    std::vector<uint8_t> bytes(encoded_size(file, ids));
    encode_loaded_file(file, ids, bytes.data());
    return bytes;
}

bool decode_loaded_file(const uint8_t* data, size_t size, OrderIdPool& ids, LoadedFile& out, std::string& error,
                        BesideParts* beside) {
    out = LoadedFile{};
    Reader r;
    r.beside = beside;
    r.p = data;
    r.end = data + (data ? size : 0);
    uint8_t magic[4] = {};
    uint32_t version = 0;
    r.pod(magic);
    r.pod(version);
    if (r.ok() && std::memcmp(magic, kMagic, sizeof magic) != 0) r.fail("not a loaded-file buffer");
    if (r.ok() && version != kVersion) r.fail("another format version");

    std::vector<std::string> texts;
    if (r.ok()) id_table(r, texts);
    std::vector<OrderKey> interned;
    bool rekeyed = false;  // an interned id has another key here than in the encoder's pool
    if (r.ok()) {
        interned.reserve(texts.size());
        for (const std::string& t : texts) {
            // An id the encoder interned is never empty nor of Amazon's form; a corrupt table
            // could say otherwise, and its key would then not be interned: both are refused.
            const OrderKey k = t.empty() ? kNoOrder : ids.key(t);
            if (!(k & kInternedBit)) {
                r.fail("the id table holds an id that is not interned");
                break;
            }
            rekeyed = rekeyed || k != (kInternedBit | OrderKey(interned.size()));
            interned.push_back(k);
        }
    }
    r.interned = &interned;
    if (r.ok()) fields(r, out.info);
    if (r.ok()) fields(r, out.records);
    if (r.ok()) order_slots(r, out);
    // The table was keyed by the encoder's ids: with any of them re-keyed it fits no more.
    if (rekeyed) out.order_slots.release();
    if (r.ok()) list(r, out.comment_findings, 9);
    if (r.ok() && !out.comment_findings.empty() && out.comment_findings.size() != out.records.feedback.size())
        r.fail("comment findings do not match the feedback entries");
    for (size_t i = 0; r.ok() && i < out.comment_findings.size(); ++i)
        for (const feedback::CueHit& h : out.comment_findings[i].triggers)
            if (h.begin > h.end || h.end > out.records.feedback[i].comment.size())
                r.fail("a comment trigger lies outside its comment");
    if (r.ok() && r.left() != 0) r.fail("bytes after the end");
    if (r.ok() && !indexes_valid(out.records)) r.fail("a marketplace or category index is out of range");
    if (!r.ok()) {
        error = "corrupt loaded-file buffer: " + r.error;
        out = LoadedFile{};
        return false;
    }
    return true;
}

}  // namespace sh
