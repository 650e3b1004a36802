// care.toml [identity] and [retention]: the settings of issue 11 (identity
// records encrypted with age per office). The keys below are test values in
// the shape age-keygen prints; no one holds their secret halves.
#include <doctest/doctest.h>

#include <string>

#include "folder/config.h"
#include "test_support.h"

using care::folder::parse_config;

namespace {

const std::string& kBase = care::test::kMinimalConfig;

const std::string kKeyA = "age159358c92g3p327fzkp9cl7p6wrc7s25jcry6zeuzx4sl0grx0vvsuc3ysy";
const std::string kKeyB = "age1qc6rc3ykg8x5233j4mc63e2d49d03nd4x3rwn6vdt5a2w8symdus5vxenz";
const std::string kKeyC = "age1p8wq4m5a6fvjgaj0t6se3tyktngmjtvm4w2j7taza2lk8cjvs9qsu48w6s";

bool has_code(const care::diag::Diagnostics& problems, const std::string& code) {
  for (const auto& p : problems)
    if (p.code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("config [identity]: absent means no encryption, age from PATH, no recipients") {
  auto r = parse_config(kBase, "care.toml");
  REQUIRE(r.config);
  CHECK_FALSE(r.config->encrypt);
  CHECK(r.config->age == "age");
  CHECK(r.config->recipients.empty());
  CHECK(r.config->recipients_for("AT").empty());
  CHECK(r.config->retention_years == 0);
}

TEST_CASE("config [identity]: a valid table reads; recipients_for gives the office's keys, then the program-wide ones, once") {
  auto r = parse_config(kBase + "[identity]\nencrypt = true\nage = \"/usr/bin/age\"\n[identity.recipients]\nAT = [\"" +
                            kKeyA + "\", \"" + kKeyC + "\"]\nFR = [\"" + kKeyB + "\"]\nall = [\"" + kKeyC +
                            "\"]\n[retention]\nyears_after_closure = 7\n",
                        "care.toml");
  REQUIRE(r.problems.empty());
  REQUIRE(r.config);
  const auto& c = *r.config;
  CHECK(c.encrypt);
  CHECK(c.age == "/usr/bin/age");
  CHECK(c.recipients.at("AT") == std::vector<std::string>{kKeyA, kKeyC});
  CHECK(c.recipients_for("AT") == std::vector<std::string>{kKeyA, kKeyC});  // kKeyC not twice
  CHECK(c.recipients_for("FR") == std::vector<std::string>{kKeyB, kKeyC});
  CHECK(c.recipients_for("PT") == std::vector<std::string>{kKeyC});
  CHECK(c.retention_years == 7);
  CHECK(c.origin.at("identity.encrypt") == "care.toml:16");
}

TEST_CASE("config [identity]: encrypt = false with no recipients is fine") {
  auto r = parse_config(kBase + "[identity]\nencrypt = false\n", "care.toml");
  CHECK(r.problems.empty());
  REQUIRE(r.config);
  CHECK_FALSE(r.config->encrypt);
}

TEST_CASE("config [identity]: an office that is not a host country is config.office") {
  auto r = parse_config(kBase + "[identity.recipients]\nPT = [\"" + kKeyA + "\"]\n", "care.toml");
  CHECK_FALSE(r.config);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].code == "config.office");
  CHECK(r.problems[0].line == 16);
  CHECK(r.problems[0].message.find("\"PT\"") != std::string::npos);
}

TEST_CASE("config [identity]: a value that is not an age public key is config.recipient") {
  for (std::string bad : {std::string("\"AGE-SECRET-KEY-1QQQQ\""), std::string("\"age1short\""),
                          "\"" + kKeyA.substr(0, 61) + "b\"",  // 'b' is not a bech32 letter
                          "\"" + kKeyA + "q\"", std::string("42")}) {
    CAPTURE(bad);
    auto r = parse_config(kBase + "[identity.recipients]\nAT = [" + bad + "]\n", "care.toml");
    CHECK_FALSE(r.config);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].code == "config.recipient");
    CHECK(r.problems[0].line == 16);
    // A secret key pasted by mistake is never echoed back.
    CHECK(r.problems[0].message.find("AGE-SECRET") == std::string::npos);
  }
  CHECK_FALSE(care::folder::is_age_recipient(kKeyA.substr(0, 61) + "B"));
  CHECK(care::folder::is_age_recipient(kKeyA));
}

TEST_CASE("config [identity]: a key listed twice for one office is config.duplicate; across offices it is fine") {
  auto r = parse_config(kBase + "[identity.recipients]\nAT = [\"" + kKeyA + "\", \"" + kKeyA + "\"]\n", "care.toml");
  CHECK_FALSE(r.config);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].code == "config.duplicate");

  auto ok = parse_config(kBase + "[identity.recipients]\nAT = [\"" + kKeyA + "\"]\nFR = [\"" + kKeyA + "\"]\n", "care.toml");
  CHECK(ok.problems.empty());
}

TEST_CASE("config [identity]: encrypt = true without any recipient is config.recipient") {
  auto r = parse_config(kBase + "[identity]\nencrypt = true\n", "care.toml");
  CHECK_FALSE(r.config);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].code == "config.recipient");
  CHECK(r.problems[0].message == "identity.encrypt is true but no recipient is listed");
}

TEST_CASE("config [identity]: encrypt = true with only empty recipient lists is config.recipient too") {
  // An office listed with an empty list is no recipient (found by this test
  // at a81a33b, fixed by the lead since).
  auto r = parse_config(kBase + "[identity]\nencrypt = true\n[identity.recipients]\nAT = []\n", "care.toml");
  CHECK_FALSE(r.config);
  CHECK(has_code(r.problems, "config.recipient"));
}

TEST_CASE("config [identity]: wrong types and unknown keys are named") {
  auto r = parse_config(kBase + "[identity]\nencrypt = \"yes\"\nrecipient = 1\n", "care.toml");
  CHECK_FALSE(r.config);
  CHECK(r.problems.size() == 2);
  CHECK(has_code(r.problems, "config.unknown-key"));

  auto notable = parse_config(kBase + "[identity]\nrecipients = [\"" + kKeyA + "\"]\n", "care.toml");
  CHECK_FALSE(notable.config);
  CHECK(notable.problems.size() == 1);

  auto notlist = parse_config(kBase + "[identity.recipients]\nAT = \"" + kKeyA + "\"\n", "care.toml");
  CHECK_FALSE(notlist.config);
  CHECK(notlist.problems.size() == 1);
}

TEST_CASE("config [retention]: 1 to 100 years") {
  CHECK(parse_config(kBase + "[retention]\nyears_after_closure = 100\n", "care.toml").config);
  CHECK_FALSE(parse_config(kBase + "[retention]\nyears_after_closure = 0\n", "care.toml").config);
  CHECK_FALSE(parse_config(kBase + "[retention]\nyears_after_closure = 101\n", "care.toml").config);
}

TEST_CASE("config [identity]: describe lists the identity settings and reads back") {
  auto r = parse_config(kBase + "[identity]\nencrypt = true\n[identity.recipients]\nAT = [\"" + kKeyA + "\"]\n", "care.toml");
  REQUIRE(r.config);
  auto text = care::folder::describe(*r.config);
  CHECK(text.find("identity.encrypt = true") != std::string::npos);
  CHECK(text.find(kKeyA) != std::string::npos);
}
