using AngleSharp.Html.Dom;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>A form read from a real page: its fields as the browser would submit them, and where it posts.</summary>
public sealed class HtmlForm
{
    private HtmlForm(Uri action, List<KeyValuePair<string, string>> fields)
    {
        Action = action;
        Fields = fields;
    }

    public Uri Action { get; }

    public List<KeyValuePair<string, string>> Fields { get; }

    public static HtmlForm Read(IHtmlFormElement form, Uri pageUri)
    {
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUri : new Uri(pageUri, form.GetAttribute("action"));
        // As a browser does: an unticked checkbox or radio button is not submitted at all.
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name)
                    && (input.Type is not ("checkbox" or "radio") || input.IsChecked):
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    // As a browser does: the selected options, or the first one of a single-choice list.
                    var selected = select.Options.Where(o => o.IsSelected).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        selected.Add(select.Options[0]!);
                    }

                    fields.AddRange(selected.Select(option => new KeyValuePair<string, string>(select.Name!, option.Value)));
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name):
                    fields.Add(new(textArea.Name!, textArea.Value));
                    break;
            }
        }

        return new HtmlForm(action, fields);
    }

    public string? this[string name] => Fields.FirstOrDefault(f => f.Key == name).Value;

    public HtmlForm Set(string name, string value)
    {
        Fields.RemoveAll(f => f.Key == name);
        Fields.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>
    /// Ticks a checkbox: its value goes first, before the hidden "false" that ASP.NET Core renders beside a bool
    /// checkbox, as in a browser (model binding reads the first value).
    /// </summary>
    public HtmlForm Check(string name, string value = "true")
    {
        var hidden = Fields.FindIndex(f => f.Key == name);
        Fields.Insert(hidden < 0 ? Fields.Count : hidden, new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>Every value submitted under a name (a multiple-choice list or several checkboxes).</summary>
    public IReadOnlyList<string> All(string name) => [.. Fields.Where(f => f.Key == name).Select(f => f.Value)];

    /// <summary>Replaces every value under a name, as when choosing several options of a list.</summary>
    public HtmlForm SetAll(string name, params string[] values)
    {
        Fields.RemoveAll(f => f.Key == name);
        Fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    public HtmlForm Remove(string name)
    {
        Fields.RemoveAll(f => f.Key == name);
        return this;
    }

    public Task<HttpResponseMessage> SubmitAsync(Browser browser) => browser.PostFormAsync(Action.ToString(), Fields);

    /// <summary>Submits through a button with its own <c>formaction</c> (Razor Pages named handlers).</summary>
    public Task<HttpResponseMessage> SubmitWithAsync(Browser browser, IHtmlButtonElement button)
    {
        var formAction = button.GetAttribute("formaction");
        var target = string.IsNullOrEmpty(formAction) ? Action : new Uri(Action, formAction);
        return browser.PostFormAsync(target.ToString(), Fields);
    }
}
