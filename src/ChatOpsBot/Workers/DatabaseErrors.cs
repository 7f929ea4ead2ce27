using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Workers;

/// <summary>Tells a database failure (server restarting or unreachable, connection dropped) from any other.</summary>
public static class DatabaseErrors
{
    /// <summary>True when <paramref name="e"/> or an exception inside it comes from the database.</summary>
    public static bool IsDatabase(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is DbException or DbUpdateException or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException) return true;
        return false;
    }
}
