// libFuzzer target: the worker's request parser (run/protocol's decode_request), which a
// worker runs on the one argument it is started with and must not trust.
//
// Besides "no crash, no leak, no undefined behaviour", it checks the contract: a request
// is refused with a std::exception (what decode_request documents), or it is a request
// whose scenario would have passed as a file, with one CPU entry per thread, that
// encodes and decodes back to itself.
#include "run/protocol.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

namespace {

using namespace psem::bench;

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_worker_request: %s\n%s\n", what, detail.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    worker_request req;
    try {
        req = decode_request(text);
    } catch (const std::exception&) {
        return 0;  // refused: what a worker does with a request it cannot use
    }
    if (req.cpus.size() != static_cast<std::size_t>(req.config.threads_per_process))
        fail("accepted a request whose cpus do not match its threads", text);
    if (!parse_point(to_json(req.config), "again").ok()) fail("accepted a scenario that does not validate", text);
    const std::string encoded = encode_request(req);
    worker_request again;
    try {
        again = decode_request(encoded);
    } catch (const std::exception& e) {
        fail("an accepted request does not decode after encoding", encoded + "\n" + e.what());
    }
    if (encode_request(again) != encoded) fail("the request is not stable through encode and decode", encoded);
    return 0;
}
