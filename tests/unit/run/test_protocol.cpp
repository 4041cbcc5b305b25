// The worker request: what the parent encodes is what the worker decodes. The round trip
// is generated from the field table, so a new field is covered without a new test.
#include "test_paths.hpp"
#include "run/protocol.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace psem::bench {
namespace {

using ojson = nlohmann::ordered_json;

// A value of the field's kind away from its default (schema_version has only one).
ojson sample(const schema::field& f) {
    using schema::kind;
    switch (f.type) {
        case kind::integer: return f.min + 2;
        case kind::seconds: return 7.5;
        case kind::text: return "a description";
        case kind::choice: {
            std::string_view last;
            for (auto c : f.choices)
                if (!c.empty()) last = c;
            return std::string(last);
        }
        case kind::schema_version: return 1;
        case kind::safe_name: return "renamed.point-1";
        case kind::affinity: return "0-1";
        case kind::check_list: return ojson::array({"post_overflow", "open_missing"});
    }
    return nullptr;
}

ojson base_point(std::string_view workload) {
    const parse_result base = parse_scenario(
        R"({"schema_version": 1, "name": "p", "workload": ")" + std::string(workload) + R"("})");
    EXPECT_TRUE(base.ok());
    return to_json(*base.value);
}

worker_request request_for(scenario config) {
    worker_request r;
    r.cpus.assign(static_cast<std::size_t>(config.threads_per_process), -1);
    r.config = std::move(config);
    r.role = "worker";
    r.process_index = 1;
    r.role_index = 1;
    r.sem_names = {"/psem-a", "/psem-b"};
    r.ready_name = "/psem-ready";
    r.start_name = "/psem-start";
    r.control_name = "/psem-control";
    return r;
}

TEST(Protocol, EveryFieldOfTheTableRoundTripsThroughTheWire) {
    for (const auto& f : schema::fields) {
        int carried = 0;
        for (auto workload : schema::workload_names) {
            ojson doc = base_point(workload);
            doc[std::string(f.name)] = sample(f);
            if (!f.conflicts_with.empty()) doc.erase(std::string(f.conflicts_with));
            for (const auto& g : schema::fields)
                if (g.conflicts_with == f.name) doc.erase(std::string(g.name));
            const parse_result point = parse_point(doc, "test");
            if (!point.ok()) continue;  // not valid for this workload (only_for, pingpong's 2 processes...)
            const worker_request sent = request_for(*point.value);
            const worker_request got = decode_request(encode_request(sent));
            EXPECT_EQ(schema::value_of(got.config, f), schema::value_of(sent.config, f)) << f.name << " / " << workload;
            EXPECT_EQ(nlohmann::json(schema::value_of(got.config, f)), nlohmann::json(sample(f)))
                << f.name << " / " << workload;
            EXPECT_EQ(to_json(got.config), to_json(sent.config)) << f.name << " / " << workload;
            ++carried;
        }
        EXPECT_GT(carried, 0) << f.name << ": its sample value is valid for no workload";
    }
}

TEST(Protocol, TheRunPartsOfTheRequestRoundTrip) {
    worker_request sent = request_for(*parse_point(base_point("postwait"), "t").value);
    sent.fault = "hang";
    const worker_request got = decode_request(encode_request(sent));
    EXPECT_EQ(got.role, "worker");
    EXPECT_EQ(got.process_index, 1);
    EXPECT_EQ(got.role_index, 1);
    EXPECT_EQ(got.sem_names, sent.sem_names);
    EXPECT_EQ(got.ready_name, "/psem-ready");
    EXPECT_EQ(got.start_name, "/psem-start");
    EXPECT_EQ(got.control_name, "/psem-control");
    EXPECT_EQ(got.cpus, sent.cpus);
    EXPECT_EQ(got.fault, "hang");
    EXPECT_EQ(got.hlog_interval_ns, 0u);
    sent.hlog_interval_ns = 250'000'000;
    EXPECT_EQ(decode_request(encode_request(sent)).hlog_interval_ns, 250'000'000u);
}

// The latency intervals of `run --hlog` travel with the results; a worker's message is not
// trusted, so out-of-range buckets and intervals out of order are refused.
TEST(Protocol, ResultIntervalsRoundTripAndBadOnesAreRefused) {
    std::vector<worker_result> sent(1);
    sent[0].has_latency = true;
    sent[0].latency.record(100);
    sent[0].intervals.intervals() = {{0, {{100, 1}}}, {3, {{5, 2}, {7, 1}}}};
    const auto got = decode_results(encode_results(sent));
    ASSERT_EQ(got.size(), 1u);
    const auto& iv = got[0].intervals.intervals();
    ASSERT_EQ(iv.size(), 2u);
    EXPECT_EQ(iv[1].index, 3u);
    EXPECT_EQ(iv[1].counts, (std::vector<std::pair<std::uint32_t, std::uint64_t>>{{5, 2}, {7, 1}}));

    const auto refused = [&](const nlohmann::json& intervals) {
        nlohmann::json msg = nlohmann::json::parse(encode_results(sent));
        msg[0]["intervals"] = intervals;
        try {
            (void)decode_results(msg.dump());
        } catch (const std::exception& e) {
            return std::string(e.what());
        }
        return std::string("(accepted)");
    };
    EXPECT_EQ(refused(nlohmann::json::parse("[[0, [[33792, 1]]]]")), "worker results: interval bucket out of range");
    EXPECT_EQ(refused(nlohmann::json::parse("[[2, []], [1, []]]")), "worker results: intervals out of order");
    EXPECT_EQ(refused(nlohmann::json::parse("{}")), "worker results: bad intervals");
}

std::string decode_error(const std::string& text) {
    try {
        (void)decode_request(text);
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(Protocol, AWorkerRefusesAScenarioThatWouldNotPassAsAFile) {
    worker_request r = request_for(*parse_point(base_point("postwait"), "t").value);
    nlohmann::json wire = nlohmann::json::parse(encode_request(r));
    wire["scenario"]["post_interval_ns"] = 5000;  // producer_consumer's field
    EXPECT_EQ(decode_error(wire.dump()),
              "worker request: /post_interval_ns: only for workload producer_consumer, not postwait");
    wire["scenario"].erase("post_interval_ns");
    wire["scenario"]["proceses"] = 2;
    EXPECT_NE(decode_error(wire.dump()).find("unknown field \"proceses\""), std::string::npos);
    wire["scenario"].erase("proceses");
    wire["scenario"]["sweep"] = {{"processes", {1, 2}}};
    EXPECT_EQ(decode_error(wire.dump()), "worker request: /sweep: a run point has no sweep");
}

TEST(Protocol, AWorkerRefusesAMalformedRequest) {
    worker_request r = request_for(*parse_point(base_point("postwait"), "t").value);
    nlohmann::json wire = nlohmann::json::parse(encode_request(r));
    wire["cpus"] = {-1, -1};  // two entries for one thread
    EXPECT_EQ(decode_error(wire.dump()), "worker request: cpus must list one entry per thread");
    EXPECT_NE(decode_error("[1, 2]"), "(accepted)");
    EXPECT_NE(decode_error("{\"scenario\": 3}"), "(accepted)");
    EXPECT_NE(decode_error("not json"), "(accepted)");
    wire = nlohmann::json::parse(encode_request(r));
    wire.erase("role");
    EXPECT_NE(decode_error(wire.dump()), "(accepted)");
}

// The fuzzer's seeds (tests/fixtures/worker-requests) are requests a worker accepts, and
// the wire form keeps reading them: a change of the form shows up here first.
TEST(Protocol, TheFuzzSeedsAreRequestsAWorkerAccepts) {
    int seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(PSEM_FIXTURES_DIR) + "/worker-requests")) {
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const worker_request r = decode_request(text.str());
        EXPECT_EQ(decode_request(encode_request(r)).config.name, r.config.name) << entry.path();
        ++seen;
    }
    EXPECT_EQ(seen, 3);
}

}  // namespace
}  // namespace psem::bench
