// Typed database errors, strict column reading and the one failure → problem table.
#include <gtest/gtest.h>

#include <libpq-fe.h>

#include "core/error_mapping.hpp"
#include "db/errors.hpp"
#include "db/result.hpp"

namespace service {
namespace {

template <typename E>
bool is(const std::exception_ptr& p) {
    try {
        std::rethrow_exception(p);
    } catch (const E&) {
        return true;
    } catch (...) {
        return false;
    }
}

TEST(DbErrors, SqlstateBecomesTheMatchingType) {
    EXPECT_TRUE(is<db::UniqueViolation>(db::make_error("dup", "23505", "users_email_key")));
    EXPECT_TRUE(is<db::ForeignKeyViolation>(db::make_error("fk", "23503")));
    EXPECT_TRUE(is<db::ExclusionViolation>(db::make_error("overlap", "23P01")));
    EXPECT_TRUE(is<db::ConstraintViolation>(db::make_error("check", "23514")));
    EXPECT_FALSE(is<db::UniqueViolation>(db::make_error("check", "23514")));
    EXPECT_TRUE(is<db::InvalidValue>(db::make_error("bad", "22P02")));
    EXPECT_TRUE(is<db::TransactionConflict>(db::make_error("serialize", "40001")));
    EXPECT_TRUE(is<db::TransactionConflict>(db::make_error("deadlock", "40P01")));
    EXPECT_TRUE(is<db::QueryCancelled>(db::make_error("timeout", "57014")));
    EXPECT_TRUE(is<db::ConnectionLost>(db::make_error("gone", "08006")));
    EXPECT_TRUE(is<db::ConnectionLost>(db::make_error("shutdown", "57P01")));
    EXPECT_TRUE(is<db::Unavailable>(db::make_error("starting up", "57P03")));
    EXPECT_FALSE(is<db::ConstraintViolation>(db::make_error("syntax", "42601")));
    EXPECT_TRUE(is<db::Error>(db::make_error("syntax", "42601")));
}

TEST(DbErrors, KeepsSqlstateAndConstraint) {
    try {
        std::rethrow_exception(db::make_error("duplicate key", "23505", "users_email_key"));
    } catch (const db::Error& e) {
        EXPECT_EQ(e.sqlstate(), "23505");
        EXPECT_EQ(e.constraint(), "users_email_key");
        EXPECT_STREQ(e.what(), "duplicate key");
    }
}

http::status status_of(const std::exception_ptr& p) {
    const auto problem = core::to_problem(p, {});
    return problem ? problem->status() : http::status::internal_server_error;
}

TEST(ErrorMapping, OneTableForRestAndSockets) {
    EXPECT_EQ(status_of(db::make_error("", "23505")), http::status::conflict);
    EXPECT_EQ(status_of(db::make_error("", "23503")), http::status::unprocessable_entity);
    EXPECT_EQ(status_of(db::make_error("", "22007")), http::status::bad_request);
    EXPECT_EQ(status_of(db::make_error("", "40001")), http::status::service_unavailable);
    EXPECT_EQ(status_of(db::make_error("", "57014")), http::status::service_unavailable);
    EXPECT_EQ(status_of(db::make_error("", "08006")), http::status::service_unavailable);
    EXPECT_EQ(status_of(std::make_exception_ptr(db::Unavailable("pool exhausted"))), http::status::service_unavailable);
    EXPECT_EQ(status_of(db::make_error("", "42601")), http::status::internal_server_error);
    EXPECT_EQ(status_of(std::make_exception_ptr(db::DecodeError("column 0 is NULL"))),
              http::status::internal_server_error);
    EXPECT_EQ(status_of(std::make_exception_ptr(std::runtime_error("boom"))), http::status::internal_server_error);
    EXPECT_EQ(status_of(std::make_exception_ptr(core::ApiError::forbidden("no"))), http::status::forbidden);
}

TEST(ErrorMapping, BusyAnswersCarryRetryAfter) {
    const auto problem = core::to_problem(db::make_error("", "40P01"), {});
    ASSERT_TRUE(problem);
    ASSERT_EQ(problem->headers().size(), 1u);
    EXPECT_EQ(problem->headers()[0].first, http::field::retry_after);
}

/// A one-row result built in memory, each column text (nullptr is NULL).
class FakeRow {
  public:
    explicit FakeRow(std::vector<const char*> values) {
        res_ = PQmakeEmptyPGresult(nullptr, PGRES_TUPLES_OK);
        std::vector<PGresAttDesc> attrs(values.size());
        names_.reserve(values.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            names_.push_back("c" + std::to_string(i));
            attrs[i] = PGresAttDesc{names_[i].data(), 0, 0, 0, 25 /* text */, -1, -1};
        }
        PQsetResultAttrs(res_, static_cast<int>(attrs.size()), attrs.data());
        for (std::size_t i = 0; i < values.size(); ++i) {
            PQsetvalue(res_, 0, static_cast<int>(i), const_cast<char*>(values[i]),
                       values[i] ? static_cast<int>(std::strlen(values[i])) : -1);
        }
    }
    ~FakeRow() { PQclear(res_); }
    db::Row row() const { return db::Row(res_, 0); }

  private:
    PGresult* res_;
    std::vector<std::string> names_;
};

TEST(RowGet, ReadsValuesOfEachType) {
    FakeRow r({"abc", "t", "f", "42", "-9000000000", "2.5", "{a,\"b c\"}"});
    const auto row = r.row();
    EXPECT_EQ(row.get<std::string>(0), "abc");
    EXPECT_TRUE(row.get<bool>(1));
    EXPECT_FALSE(row.get<bool>(2));
    EXPECT_EQ(row.get<int>(3), 42);
    EXPECT_EQ(row.get<std::int64_t>(4), -9000000000LL);
    EXPECT_DOUBLE_EQ(row.get<double>(5), 2.5);
    EXPECT_EQ(row.get<std::vector<std::string>>(6), (std::vector<std::string>{"a", "b c"}));
}

TEST(RowGet, NullFailsLoudlyUnlessOptional) {
    FakeRow r({nullptr});
    const auto row = r.row();
    EXPECT_THROW(row.get<std::string>(0), db::DecodeError);
    EXPECT_THROW(row.get<int>(0), db::DecodeError);
    EXPECT_THROW(row.get<bool>(0), db::DecodeError);
    EXPECT_THROW(row.get<std::vector<std::string>>(0), db::DecodeError);
    EXPECT_EQ(row.get<std::optional<std::string>>(0), std::nullopt);
    EXPECT_EQ(row.get<std::optional<int>>(0), std::nullopt);
    EXPECT_EQ(row.get<std::optional<std::int64_t>>(0), std::nullopt);
    EXPECT_EQ(row.get<std::optional<bool>>(0), std::nullopt);
}

TEST(RowGet, TextThatIsNotTheTypeFails) {
    FakeRow r({"12abc", "yes", "", "99999999999", "1.5"});
    const auto row = r.row();
    EXPECT_THROW(row.get<int>(0), db::DecodeError);
    EXPECT_THROW(row.get<bool>(1), db::DecodeError);
    EXPECT_THROW(row.get<std::int64_t>(2), db::DecodeError);
    EXPECT_THROW(row.get<int>(3), db::DecodeError);  // out of int range
    EXPECT_THROW(row.get<int>(4), db::DecodeError);
    EXPECT_EQ(row.get<std::optional<double>>(4), 1.5);
    try {
        row.get<int>(0);
    } catch (const db::DecodeError& e) {
        EXPECT_NE(std::string(e.what()).find("c0"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace service
