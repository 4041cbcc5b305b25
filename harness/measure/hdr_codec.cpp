// measure/hdr_codec.cpp - HdrHistogram's V2 compressed encoding (see the header), on zlib.
#include "measure/hdr_codec.hpp"

#include <zlib.h>

#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <vector>

namespace psem::bench {
namespace {

// HdrHistogram's V2 cookies: the base values with 0x10 in the word-size nibble (the
// marker of its zero-run, LEB128 payload).
constexpr std::uint32_t encoding_cookie = 0x1c849303 | 0x10;
constexpr std::uint32_t compressed_cookie = 0x1c849304 | 0x10;
constexpr std::size_t header_size = 40;

void put_u32(std::vector<unsigned char>& out, std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<unsigned char>(v >> s));
}
void put_u64(std::vector<unsigned char>& out, std::uint64_t v) {
    for (int s = 56; s >= 0; s -= 8) out.push_back(static_cast<unsigned char>(v >> s));
}
std::uint32_t get_u32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}
std::uint64_t get_u64(const unsigned char* p) {
    return (std::uint64_t{get_u32(p)} << 32) | get_u32(p + 4);
}

// ZigZag, then LEB128 in at most 9 bytes: 8 of 7 bits, and a ninth of 8.
void put_varint(std::vector<unsigned char>& out, std::int64_t signed_value) {
    std::uint64_t v = (static_cast<std::uint64_t>(signed_value) << 1) ^ static_cast<std::uint64_t>(signed_value >> 63);
    for (int i = 0; i < 8; ++i) {
        if (v < 0x80) {
            out.push_back(static_cast<unsigned char>(v));
            return;
        }
        out.push_back(static_cast<unsigned char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<unsigned char>(v));  // the ninth byte: the last 8 bits
}

bool get_varint(const unsigned char*& p, const unsigned char* end, std::int64_t& out) {
    std::uint64_t v = 0;
    for (int i = 0; i < 9; ++i) {
        if (p == end) return false;
        const unsigned char b = *p++;
        if (i == 8) {
            v |= std::uint64_t{b} << 56;
            break;
        }
        v |= std::uint64_t{b & 0x7fu} << (7 * i);
        if ((b & 0x80) == 0) break;
    }
    out = static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
    return true;
}

constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string to_base64(const std::vector<unsigned char>& in) {
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < in.size(); i += 3) {
        const std::uint32_t n = (std::uint32_t{in[i]} << 16) | (i + 1 < in.size() ? std::uint32_t{in[i + 1]} << 8 : 0) |
                                (i + 2 < in.size() ? in[i + 2] : 0);
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += i + 1 < in.size() ? alphabet[(n >> 6) & 63] : '=';
        out += i + 2 < in.size() ? alphabet[n & 63] : '=';
    }
    return out;
}

std::optional<std::vector<unsigned char>> from_base64(std::string_view in) {
    if (in.size() % 4 != 0) return std::nullopt;
    std::array<int, 256> value{};
    value.fill(-1);
    for (std::size_t i = 0; i < alphabet.size(); ++i) value[static_cast<unsigned char>(alphabet[i])] = static_cast<int>(i);
    std::vector<unsigned char> out;
    out.reserve(in.size() / 4 * 3);
    for (std::size_t i = 0; i < in.size(); i += 4) {
        std::uint32_t n = 0;
        int pad = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const char c = in[i + k];
            if (c == '=' && i + 4 == in.size() && k >= 2) {
                ++pad;
                n <<= 6;
                continue;
            }
            const int v = value[static_cast<unsigned char>(c)];
            if (v < 0 || pad != 0) return std::nullopt;
            n = (n << 6) | static_cast<std::uint32_t>(v);
        }
        out.push_back(static_cast<unsigned char>(n >> 16));
        if (pad < 2) out.push_back(static_cast<unsigned char>(n >> 8));
        if (pad < 1) out.push_back(static_cast<unsigned char>(n));
    }
    return out;
}

// The uncompressed V2 encoding.
std::vector<unsigned char> encode_plain(const latency_histogram& h) {
    const auto counts = h.counts();
    // Counts up to the bucket of the largest value recorded (HdrHistogram's relevant length).
    std::size_t limit = 0;
    for (std::size_t i = counts.size(); i-- > 0;)
        if (counts[i] != 0) {
            limit = i + 1;
            break;
        }
    std::vector<unsigned char> payload;
    for (std::size_t i = 0; i < limit;) {
        const std::uint64_t c = counts[i++];
        if (c != 0) {
            put_varint(payload, static_cast<std::int64_t>(c));
            continue;
        }
        std::int64_t zeros = 1;
        while (i < limit && counts[i] == 0) {
            ++zeros;
            ++i;
        }
        put_varint(payload, zeros > 1 ? -zeros : 0);
    }
    std::vector<unsigned char> out;
    out.reserve(header_size + payload.size());
    put_u32(out, encoding_cookie);
    put_u32(out, static_cast<std::uint32_t>(payload.size()));
    put_u32(out, 0);  // normalizing index offset
    put_u32(out, latency_histogram::significant_digits);
    put_u64(out, latency_histogram::lowest_discernible);
    put_u64(out, latency_histogram::highest_trackable);
    put_u64(out, std::bit_cast<std::uint64_t>(1.0));  // integer to double value conversion ratio
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

}  // namespace

std::string encode_histogram(const latency_histogram& h) {
    const std::vector<unsigned char> plain = encode_plain(h);
    uLongf packed_size = compressBound(static_cast<uLong>(plain.size()));
    std::vector<unsigned char> out(8 + packed_size);
    if (compress2(out.data() + 8, &packed_size, plain.data(), static_cast<uLong>(plain.size()), Z_BEST_COMPRESSION) !=
        Z_OK)
        return {};  // only on memory exhaustion: no histogram rather than a wrong one
    out.resize(8 + packed_size);
    std::vector<unsigned char> head;
    put_u32(head, compressed_cookie);
    put_u32(head, static_cast<std::uint32_t>(packed_size));
    std::copy(head.begin(), head.end(), out.begin());
    return to_base64(out);
}

std::optional<latency_histogram> decode_histogram(std::string_view base64) {
    const auto bytes = from_base64(base64);
    if (!bytes || bytes->size() < 8 || get_u32(bytes->data()) != compressed_cookie) return std::nullopt;
    const std::uint32_t packed = get_u32(bytes->data() + 4);
    if (packed != bytes->size() - 8) return std::nullopt;
    // The payload cannot be longer than every count at the widest varint.
    const std::size_t max_plain = header_size + latency_histogram::bucket_count * 9;
    std::vector<unsigned char> plain(max_plain);
    uLongf plain_size = static_cast<uLongf>(plain.size());
    if (uncompress(plain.data(), &plain_size, bytes->data() + 8, packed) != Z_OK) return std::nullopt;
    plain.resize(plain_size);
    if (plain.size() < header_size || get_u32(plain.data()) != encoding_cookie) return std::nullopt;
    const std::uint32_t payload = get_u32(plain.data() + 4);
    if (payload != plain.size() - header_size || get_u32(plain.data() + 8) != 0 ||
        get_u32(plain.data() + 12) != latency_histogram::significant_digits ||
        get_u64(plain.data() + 16) != latency_histogram::lowest_discernible ||
        get_u64(plain.data() + 24) > latency_histogram::highest_trackable ||
        get_u64(plain.data() + 32) != std::bit_cast<std::uint64_t>(1.0))
        return std::nullopt;
    std::vector<std::uint64_t> counts(latency_histogram::bucket_count, 0);
    const unsigned char* p = plain.data() + header_size;
    const unsigned char* end = plain.data() + plain.size();
    std::size_t i = 0;
    std::uint64_t min_ns = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t max_ns = 0;
    while (p != end) {
        std::int64_t v = 0;
        if (!get_varint(p, end, v)) return std::nullopt;
        if (v < 0) {
            const std::uint64_t zeros = static_cast<std::uint64_t>(-(v + 1)) + 1;
            if (zeros > counts.size() - i) return std::nullopt;
            i += zeros;
            continue;
        }
        if (i >= counts.size()) return std::nullopt;
        if (v != 0) {
            counts[i] = static_cast<std::uint64_t>(v);
            min_ns = std::min(min_ns, latency_histogram::lower_bound(i));
            max_ns = latency_histogram::upper_bound(i);
        }
        ++i;
    }
    latency_histogram h;
    if (!h.merge_counts(counts, min_ns, max_ns)) return std::nullopt;
    return h;
}

}  // namespace psem::bench
