import SuanpanData

// Why a reader of our own: SwiftCSV loads the whole file into memory, and CSV.swift
// (yaslab) decodes and splits one Unicode scalar at a time. This reader splits bytes
// (fields are found by comparing bytes to the delimiter, quote and line ends, and
// only the used columns become Strings), reads 1 MiB chunks so memory stays bounded
// whatever the file's size, and reports lines and rows the way the population's
// messages need.
//
// Measured on this project's 2-core machine (release, 1,000,000 rows of 6 columns,
// 53 MB, fastest of 3, machine shared with other builds): CSV.swift 2.5.2 reading
// every row as [String] 4.44 s (225,000 rows/s); this reader making a String of every
// cell 0.54 s (1.85 million rows/s), 8 times faster; splitting alone 0.35 s
// (2.8 million rows/s). Commands: Benchmarks/DataBench, and a scratch package
// depending on CSV.swift from 2.5.2 timing `while let row = csv.next()`.

/// CSV and TSV files (RFC 4180), with a header row naming the columns.
public struct CSVReader: DataReader {
    public init() {}
    public var name: String { "csv" }
    public var extensions: [String] { ["csv", "tsv"] }
    public var summary: String { "comma- or tab-separated values with a header row (RFC 4180)" }
    public var options: [(name: String, summary: String)] {
        [("delimiter", "the one character between fields: \",\" (the default; a tab for .tsv), \";\", \"|\" or \"tab\""),
         ("encoding", "\"utf-8\" (the default; a byte order mark is skipped), \"gbk\" or \"gb18030\""),
         ("header", "\"true\": the first row names the columns (it must)")]
    }

    public func open(path: String, options: [String: String]) throws(DataError) -> any RowSource {
        let delimiter = try Self.delimiter(options["delimiter"], path: path)
        if let header = options["header"], header.lowercased() != "true" {
            throw DataError(file: path, "header = \"\(header)\": the csv reader needs a header row naming the columns",
                            hint: "add a first row with the column names and write header = \"true\" or leave the option out")
        }
        let encoding = try TextEncoding(option: options["encoding"], path: path)
        let file = try FileStream(path: path)
        let stream: any ByteStream = try encoding.iconvName.map { name throws(DataError) in
            try TranscodedStream(input: file, encoding: name)
        } ?? file
        return try CSVSource(path: path, input: ChunkBuffer(stream: stream), delimiter: delimiter, encoding: encoding)
    }

    static func delimiter(_ option: String?, path: String) throws(DataError) -> UInt8 {
        guard let option else { return ReaderPaths.ending(path) == "tsv" ? 0x09 : UInt8(ascii: ",") }
        if option == "tab" || option == "\\t" || option == "\t" { return 0x09 }
        let bytes = Array(option.utf8)
        guard bytes.count == 1, bytes[0] < 0x80, ![UInt8(ascii: "\""), 0x0A, 0x0D].contains(bytes[0]) else {
            throw DataError(file: path, "delimiter = \"\(option)\" is not one ASCII character other than a quote or a line end",
                            hint: "write delimiter = \",\", \";\", \"|\" or \"tab\"")
        }
        return bytes[0]
    }
}

/// A text file's declared encoding.
enum TextEncoding: Equatable {
    case utf8, gbk, gb18030

    init(option: String?, path: String) throws(DataError) {
        switch option?.lowercased() {
        case nil, "utf-8", "utf8": self = .utf8
        case "gbk", "cp936": self = .gbk
        case "gb18030": self = .gb18030
        case let other?:
            throw DataError(file: path, "encoding = \"\(other)\" is not one the reader decodes",
                            hint: "write encoding = \"utf-8\", \"gbk\" or \"gb18030\", or convert the file to UTF-8")
        }
    }

    /// iconv's name for the encoding; nil for UTF-8, which is read as is.
    var iconvName: String? {
        switch self {
        case .utf8: nil
        case .gbk: "GBK"
        case .gb18030: "GB18030"
        }
    }
}

enum ReaderPaths {
    /// The file name's ending, lowercased: `tsv` for `data/a.TSV`.
    static func ending(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
