// The few SVG elements the charts draw, written as text with every attribute value and every
// string escaped. Coordinates are pixels (Double) written with at most one decimal, by hand,
// so that the output does not depend on a locale or on Foundation's number formatting.

struct SVGBuilder {
    private(set) var text = ""

    mutating func open(width: Double, height: Double, label: String) {
        let w = SVGBuilder.number(width), h = SVGBuilder.number(height)
        text += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\" "
            + "viewBox=\"0 0 \(w) \(h)\" font-family=\"DejaVu Sans, Arial, Noto Sans CJK SC, sans-serif\">\n"
        text += "<title>\(XMLText.escape(label))</title>\n"
    }

    mutating func close() { text += "</svg>\n" }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, tooltip: String? = nil) {
        let attributes = "x=\"\(SVGBuilder.number(x))\" y=\"\(SVGBuilder.number(y))\" "
            + "width=\"\(SVGBuilder.number(width))\" height=\"\(SVGBuilder.number(height))\" fill=\"\(XMLText.escape(fill))\""
        if let tooltip {
            text += "<rect \(attributes)><title>\(XMLText.escape(tooltip))</title></rect>\n"
        } else {
            text += "<rect \(attributes)/>\n"
        }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String) {
        text += "<line x1=\"\(SVGBuilder.number(x1))\" y1=\"\(SVGBuilder.number(y1))\" x2=\"\(SVGBuilder.number(x2))\" "
            + "y2=\"\(SVGBuilder.number(y2))\" stroke=\"\(XMLText.escape(stroke))\" stroke-width=\"1\"/>\n"
    }

    mutating func text(_ content: String, x: Double, y: Double, size: Int, anchor: String,
                       bold: Bool = false, fill: String = "#222222") {
        text += "<text x=\"\(SVGBuilder.number(x))\" y=\"\(SVGBuilder.number(y))\" font-size=\"\(size)\" "
            + "text-anchor=\"\(anchor)\" fill=\"\(XMLText.escape(fill))\"\(bold ? " font-weight=\"bold\"" : "")>"
            + "\(XMLText.escape(content))</text>\n"
    }

    /// A pixel coordinate with one decimal at most: "12", "12.5", "-0.5". Non-finite or absurd
    /// values (a degenerate axis) are clamped rather than trapping in the conversion to Int.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((min(max(value, -1e7), 1e7) * 10).rounded())
        let magnitude = tenths.magnitude
        let sign = tenths < 0 ? "-" : ""
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// An estimate of the rendered width of `text` in pixels: wide characters about one em,
    /// others about 0.6 em. Enough to lay out a legend and to space labels.
    static func textWidth(_ text: String, size: Int) -> Double {
        Double(DisplayWidth.of(text)) * Double(size) * 0.6
    }
}
