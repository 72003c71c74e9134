//! Reads the embedded gazetteer file (format in data/README.md) as it is decompressed, one
//! line at a time, handing each value to a [`Sink`]. The decompressed text (10 MB) is never
//! held whole, nor are its columns: that would more than double the memory used while loading.

use std::io::{BufRead, BufReader};
use std::str::FromStr;

use chrono_tz::Tz;
use flate2::bufread::GzDecoder;

use super::error::GazetteerError;

/// The repository's `data/gazetteer.tsv.gz`, which `scripts/build-gazetteer.py` writes.
pub static EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/gazetteer.tsv.gz"
));

const MAGIC: &str = "rallybot-gazetteer\t1";

/// Lines are read through a buffer this big.
const BUFFER: usize = 64 << 10;

pub struct RawCountry<'a> {
    pub iso2: &'a str,
    pub iso3: &'a str,
    pub name: &'a str,
    pub aliases: &'a str, // '|'-separated
}

pub struct RawAdmin1<'a> {
    pub country: &'a str,
    pub code: &'a str,
    pub name: &'a str,
    pub abbrev: &'a str, // may be empty
}

/// One value of one place. The file holds the places column by column, so a sink gets every
/// place's name, then every place's country, and so on, in this order.
pub enum PlaceValue<'a> {
    Name(&'a str),
    Country(&'a str),
    Admin1(&'a str),
    Lat(f32),
    Lon(f32),
    Population(u32),
    /// Index into the zones.
    Zone(u16),
    /// '|'-separated alternate names.
    Alternates(&'a str),
}

/// The number of place columns, each one `PlaceValue` variant.
const PLACE_COLUMNS: usize = 8;

pub struct RawZip {
    pub code: u32,
    pub lat: f32,
    pub lon: f32,
    /// Index (in file order) of the place that names the area.
    pub place: u32,
    pub tz: u16,
}

/// Receives the file's contents in file order. Borrowed text lives only for the call.
pub trait Sink {
    fn zones(&mut self, zones: Vec<Tz>);
    fn country(&mut self, country: RawCountry<'_>);
    fn admin1(&mut self, area: RawAdmin1<'_>);
    /// The number of places, before any of their values.
    fn places(&mut self, count: usize);
    fn place(&mut self, place: usize, value: PlaceValue<'_>);
    /// The number of ZIP codes, before any of them.
    fn zips(&mut self, count: usize);
    fn zip(&mut self, zip: RawZip);
}

/// Reads the embedded file into `sink`.
pub fn read(sink: &mut impl Sink) -> Result<(), GazetteerError> {
    read_from(EMBEDDED, sink)
}

/// Reads a gzip-compressed gazetteer file into `sink`.
fn read_from(gz: &[u8], sink: &mut impl Sink) -> Result<(), GazetteerError> {
    let mut r = Reader {
        input: BufReader::with_capacity(BUFFER, GzDecoder::new(gz)),
        line: String::new(),
        number: 0,
    };
    if r.next()? != MAGIC {
        return Err(r.error("not a rallybot gazetteer, or a newer format"));
    }

    let zone_count = r.header("zones")?;
    let zones = (0..zone_count)
        .map(|_| {
            let name = r.next()?;
            Tz::from_str(name).map_err(|_| GazetteerError::UnknownTimeZone(name.to_string()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    sink.zones(zones);

    for _ in 0..r.header("countries")? {
        let [iso2, iso3, name, aliases] = r.fields()?;
        sink.country(RawCountry {
            iso2,
            iso3,
            name,
            aliases,
        });
    }

    for _ in 0..r.header("admin1")? {
        let [country, code, name, abbrev] = r.fields()?;
        sink.admin1(RawAdmin1 {
            country,
            code,
            name,
            abbrev,
        });
    }

    let places = r.header("places")?;
    sink.places(places);
    for column in 0..PLACE_COLUMNS {
        for place in 0..places {
            let s = r.next()?;
            let value = match column {
                0 => Some(PlaceValue::Name(s)),
                1 => Some(PlaceValue::Country(s)),
                2 => Some(PlaceValue::Admin1(s)),
                3 => s.parse().ok().map(PlaceValue::Lat),
                4 => s.parse().ok().map(PlaceValue::Lon),
                5 => s.parse().ok().map(PlaceValue::Population),
                6 => s
                    .parse::<u16>()
                    .ok()
                    .filter(|&t| (t as usize) < zone_count)
                    .map(PlaceValue::Zone),
                _ => Some(PlaceValue::Alternates(s)),
            };
            match value {
                Some(value) => sink.place(place, value),
                None => return Err(r.error("bad value")),
            }
        }
    }

    let zips = r.header("zips")?;
    sink.zips(zips);
    for _ in 0..zips {
        let [code, lat, lon, place, tz] = r.fields()?;
        let zip = (|| {
            Some(RawZip {
                code: code.parse().ok().filter(|_| code.len() == 5)?,
                lat: lat.parse().ok()?,
                lon: lon.parse().ok()?,
                place: place.parse().ok().filter(|&p| (p as usize) < places)?,
                tz: tz.parse().ok().filter(|&t| (t as usize) < zone_count)?,
            })
        })();
        match zip {
            Some(zip) => sink.zip(zip),
            None => return Err(r.error("bad ZIP row")),
        }
    }

    // Reading to the end makes the decoder check the gzip checksum.
    std::io::copy(&mut r.input, &mut std::io::sink())?;
    Ok(())
}

struct Reader<R> {
    input: R,
    /// The current line, without its line break.
    line: String,
    /// Its 1-based line number.
    number: usize,
}

impl<R: BufRead> Reader<R> {
    fn error(&self, reason: &str) -> GazetteerError {
        GazetteerError::Format {
            line: self.number,
            reason: reason.to_string(),
        }
    }

    /// The next line, without "\n" or "\r\n".
    fn next(&mut self) -> Result<&str, GazetteerError> {
        self.number += 1;
        self.line.clear();
        if self.input.read_line(&mut self.line)? == 0 {
            return Err(self.error("unexpected end of data"));
        }
        if self.line.ends_with('\n') {
            self.line.pop();
            if self.line.ends_with('\r') {
                self.line.pop();
            }
        }
        Ok(&self.line)
    }

    /// A section header "name<TAB>count".
    fn header(&mut self, name: &str) -> Result<usize, GazetteerError> {
        let count = self
            .next()?
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix('\t'))
            .and_then(|count| count.parse().ok());
        count.ok_or_else(|| self.error(&format!("expected the {name} section")))
    }

    fn fields<const N: usize>(&mut self) -> Result<[&str; N], GazetteerError> {
        self.next()?;
        let mut parts = self.line.split('\t');
        let fields = std::array::from_fn(|_| parts.next());
        match (fields.iter().all(Option::is_some), parts.next()) {
            (true, None) => Ok(fields.map(|f| f.unwrap_or_default())),
            _ => Err(self.error(&format!("expected {N} fields"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// What the reader handed over, one line per call.
    #[derive(Default)]
    struct Record(Vec<String>);

    impl Sink for Record {
        fn zones(&mut self, zones: Vec<Tz>) {
            self.0.push(format!("zones {zones:?}"));
        }
        fn country(&mut self, c: RawCountry<'_>) {
            let (iso2, iso3, name, aliases) = (c.iso2, c.iso3, c.name, c.aliases);
            self.0
                .push(format!("country {iso2} {iso3} {name} {aliases}"));
        }
        fn admin1(&mut self, a: RawAdmin1<'_>) {
            let (country, code, name, abbrev) = (a.country, a.code, a.name, a.abbrev);
            self.0
                .push(format!("admin1 {country} {code} {name} [{abbrev}]"));
        }
        fn places(&mut self, count: usize) {
            self.0.push(format!("places {count}"));
        }
        fn place(&mut self, place: usize, value: PlaceValue<'_>) {
            let value = match value {
                PlaceValue::Name(s) => format!("name {s}"),
                PlaceValue::Country(s) => format!("country {s}"),
                PlaceValue::Admin1(s) => format!("admin1 {s}"),
                PlaceValue::Lat(v) => format!("lat {v}"),
                PlaceValue::Lon(v) => format!("lon {v}"),
                PlaceValue::Population(v) => format!("population {v}"),
                PlaceValue::Zone(v) => format!("zone {v}"),
                PlaceValue::Alternates(s) => format!("alternates [{s}]"),
            };
            self.0.push(format!("place {place} {value}"));
        }
        fn zips(&mut self, count: usize) {
            self.0.push(format!("zips {count}"));
        }
        fn zip(&mut self, z: RawZip) {
            let (code, lat, lon, place, tz) = (z.code, z.lat, z.lon, z.place, z.tz);
            self.0.push(format!("zip {code} {lat} {lon} {place} {tz}"));
        }
    }

    const SMALL: &str = "rallybot-gazetteer\t1\n\
        zones\t2\nAmerica/Chicago\nEurope/Paris\n\
        countries\t1\nUS\tUSA\tUnited States\tUSA|America\n\
        admin1\t1\nUS\tTX\tTexas\t\n\
        places\t2\n\
        Austin\nParis\nUS\nFR\nTX\n11\n30.2672\n48.8534\n-97.7431\n2.3488\n\
        961855\n2138551\n0\n1\nATX|Austin City\n\n\
        zips\t1\n78701\t30.27\t-97.74\t0\t0\n";

    fn gzip(text: &str) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(text.as_bytes()).unwrap();
        encoder.finish().unwrap()
    }

    fn read_text(text: &str) -> Result<Vec<String>, GazetteerError> {
        let mut record = Record::default();
        read_from(&gzip(text), &mut record).map(|()| record.0)
    }

    fn format_error(text: &str) -> (usize, String) {
        match read_text(text) {
            Err(GazetteerError::Format { line, reason }) => (line, reason),
            other => panic!("expected a format error, got {other:?}"),
        }
    }

    #[test]
    fn hands_over_every_section_in_file_order() {
        let expected = [
            "zones [America/Chicago, Europe/Paris]",
            "country US USA United States USA|America",
            "admin1 US TX Texas []",
            "places 2",
            "place 0 name Austin",
            "place 1 name Paris",
            "place 0 country US",
            "place 1 country FR",
            "place 0 admin1 TX",
            "place 1 admin1 11",
            "place 0 lat 30.2672",
            "place 1 lat 48.8534",
            "place 0 lon -97.7431",
            "place 1 lon 2.3488",
            "place 0 population 961855",
            "place 1 population 2138551",
            "place 0 zone 0",
            "place 1 zone 1",
            "place 0 alternates [ATX|Austin City]",
            "place 1 alternates []",
            "zips 1",
            "zip 78701 30.27 -97.74 0 0",
        ];
        assert_eq!(read_text(SMALL).unwrap(), expected);
        // Windows line ends read the same.
        assert_eq!(read_text(&SMALL.replace('\n', "\r\n")).unwrap(), expected);
    }

    #[test]
    fn bad_data_is_an_error_naming_its_line() {
        let cut = &SMALL[..SMALL.find("zips").unwrap()];
        assert_eq!(format_error(cut), (26, "unexpected end of data".into()));
        assert_eq!(
            format_error(&SMALL.replace("961855", "many")),
            (20, "bad value".into())
        );
        // Zone 2 does not exist: there are two zones.
        assert_eq!(
            format_error(&SMALL.replace("\n0\n1\nATX", "\n0\n2\nATX")),
            (23, "bad value".into())
        );
        assert_eq!(
            format_error(&SMALL.replace("78701\t30.27\t-97.74\t0", "78701\t30.27\t-97.74\t2")),
            (27, "bad ZIP row".into())
        );
        assert_eq!(
            format_error(&SMALL.replace("gazetteer\t1", "gazetteer\t2")),
            (1, "not a rallybot gazetteer, or a newer format".into())
        );
        assert!(matches!(
            read_text(&SMALL.replace("Europe/Paris", "Europe/Atlantis")),
            Err(GazetteerError::UnknownTimeZone(zone)) if zone == "Europe/Atlantis"
        ));
    }

    #[test]
    fn a_damaged_file_fails_its_checksum() {
        let mut gz = gzip(SMALL);
        // The trailer is the CRC-32 of the text, then its length.
        let crc = gz.len() - 8;
        gz[crc] ^= 1;
        assert!(matches!(
            read_from(&gz, &mut Record::default()),
            Err(GazetteerError::Decompress(_))
        ));
    }
}
