using System.Collections;
using System.Globalization;

namespace TerritoryBot.Core.Demo;

/// <summary>
/// A read-only map from generated account id (A000001…) to a value, backed by the generator's arrays: the id
/// encodes the index, so a million-account universe needs no hash table for its latent truth.
/// </summary>
internal sealed class AccountValues(string[] ids, double[] values) : IReadOnlyDictionary<string, double>
{
    public double this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No account '{key}'.");

    public IEnumerable<string> Keys => ids;

    public IEnumerable<double> Values => values;

    public int Count => ids.Length;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out double value)
    {
        int index = IndexOf(key);
        value = index >= 0 ? values[index] : 0;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
    {
        for (int i = 0; i < ids.Length; i++)
        {
            yield return new KeyValuePair<string, double>(ids[i], values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 2 || key[0] != 'A'
            || !int.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            return -1;
        }

        int index = number - 1;
        return index >= 0 && index < ids.Length && string.Equals(ids[index], key, StringComparison.Ordinal) ? index : -1;
    }
}
