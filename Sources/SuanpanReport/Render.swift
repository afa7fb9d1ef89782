// The namespace of every output form. Each form lives in its own file as an extension:
// Render+Table (terminal tables), Render+Comparison, Render+Explanation, Render+CSV,
// Render+JSON, Render+SVG, Render+HTML, Render+Bars. All of them are pure: they take a
// report or a comparison and return text; writing it anywhere is the caller's business.

/// Renders scenario reports and comparisons.
public enum Render {}
