namespace ChatOpsBot.Core.Dialog;

/// <summary>A small table: column headers and rows of raw cell text.</summary>
/// <param name="Columns">Headers.</param>
/// <param name="Rows">Rows; each has one cell per column.</param>
public sealed record DataTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
