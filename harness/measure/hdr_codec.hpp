// measure/hdr_codec.hpp - a latency histogram in HdrHistogram's V2 compressed encoding,
// base64: the form HdrHistogram's own libraries decode (Java's
// Histogram.decodeFromCompressedByteBuffer, C's hdr_log_decode, Go's hdrhistogram.Decode,
// JavaScript's hdr-histogram-js decodeFromCompressedBase64), and the form of the
// histograms in HdrHistogram's interval logs.
//
// The V2 encoding, as HdrHistogram documents it: a 40-byte big-endian header (cookie,
// payload length, normalizing index offset, significant digits, lowest discernible
// value, highest trackable value, integer-to-double ratio), then the counts up to the
// bucket of the largest value, each a ZigZag LEB128 varint (at most 9 bytes: the ninth
// carries 8 bits), a run of N > 1 zero counts written as -N. The compressed form is a
// second cookie, the deflated length, and the zlib deflate of the whole encoding.
#pragma once

#include "measure/histogram.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace psem::bench {

/// The histogram's V2 compressed encoding, base64 (standard alphabet, padded).
[[nodiscard]] std::string encode_histogram(const latency_histogram& h);

/// Decodes what encode_histogram wrote, or any V2 compressed base64 histogram with the
/// same layout (1 ns lowest, 3 digits, at most our range). Untrusted input: nullopt for
/// anything malformed (bad base64, cookie, sizes, varints, counts past the range or a
/// payload that inflates beyond what the layout can hold), never a crash.
[[nodiscard]] std::optional<latency_histogram> decode_histogram(std::string_view base64);

}  // namespace psem::bench
