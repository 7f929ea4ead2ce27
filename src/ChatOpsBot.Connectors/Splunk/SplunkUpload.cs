namespace ChatOpsBot.Connectors.Splunk;

/// <summary>Where the saved-search mode puts the indicator set (<c>Splunk:Upload</c>).</summary>
public enum SplunkUpload
{
    /// <summary>A KV store collection, through <c>storage/collections/data/{collection}/batch_save</c>.</summary>
    KvStore,
    /// <summary>A CSV lookup, through the Lookup Editor app's <c>/services/data/lookup_edit/lookup_contents</c>.</summary>
    LookupEditor,
}
