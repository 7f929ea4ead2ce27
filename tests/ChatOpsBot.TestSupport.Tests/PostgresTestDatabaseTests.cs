namespace ChatOpsBot.TestSupport.Tests;

// The skip-or-fail decision, without a server: the suites that use the helper only ever see one side of it
// (CI always has a server, a laptop without one always skips), so a regression here would go unnoticed.
public sealed class PostgresTestDatabaseTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("1")]
    public void A_configured_server_is_used_whether_or_not_one_is_required(string? require)
    {
        const string server = "Host=127.0.0.1;Username=chatopsbot_test;Database=postgres";

        Assert.Equal(server, PostgresTestDatabase.AdminConnectionString(server, require));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(" ", "0")]
    public void Without_a_server_and_without_CI_the_tests_go_without_PostgreSQL(string? server, string? require)
    {
        Assert.Null(PostgresTestDatabase.AdminConnectionString(server, require));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_server_in_CI_the_test_fails_and_says_how_to_start_one(string? server)
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgresTestDatabase.AdminConnectionString(server, "1"));

        Assert.Contains(PostgresTestDatabase.ServerVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(".ci/postgres.sh", error.Message, StringComparison.Ordinal);
    }
}
