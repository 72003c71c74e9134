//! Reads the embedded gazetteer file (format in data/README.md) into borrowed rows.

use std::io::Read;
use std::str::FromStr;

use chrono_tz::Tz;

use super::error::GazetteerError;

pub static EMBEDDED: &[u8] = include_bytes!("../../../data/gazetteer.tsv.gz");

const MAGIC: &str = "rallybot-gazetteer\t1";

pub struct Raw<'a> {
    pub zones: Vec<Tz>,
    pub countries: Vec<RawCountry<'a>>,
    pub admin1: Vec<RawAdmin1<'a>>,
    pub places: RawPlaces<'a>,
    pub zips: Vec<RawZip>,
}

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

/// The places, one vector per column as in the file (rows would take more memory).
pub struct RawPlaces<'a> {
    pub names: Vec<&'a str>,
    pub countries: Vec<&'a str>,
    pub admin1: Vec<&'a str>,
    pub lat: Vec<f32>,
    pub lon: Vec<f32>,
    pub population: Vec<u32>,
    pub tz: Vec<u16>,
    /// '|'-separated alternate names.
    pub alternates: Vec<&'a str>,
}

impl RawPlaces<'_> {
    pub fn len(&self) -> usize {
        self.names.len()
    }
}

pub struct RawZip {
    pub code: u32,
    pub lat: f32,
    pub lon: f32,
    /// Index into `Raw::places` (file order) of the place that names the area.
    pub place: u32,
    pub tz: u16,
}

/// The decompressed embedded file.
pub fn embedded_text() -> Result<String, GazetteerError> {
    let mut text = String::with_capacity(11 << 20);
    flate2::read::GzDecoder::new(EMBEDDED).read_to_string(&mut text)?;
    Ok(text)
}

pub fn parse(text: &str) -> Result<Raw<'_>, GazetteerError> {
    let mut r = Reader {
        lines: text.lines(),
        line: 0,
    };
    if r.next()? != MAGIC {
        return Err(r.error("not a rallybot gazetteer, or a newer format"));
    }

    let zones = (0..r.header("zones")?)
        .map(|_| {
            let name = r.next()?;
            Tz::from_str(name).map_err(|_| GazetteerError::UnknownTimeZone(name.to_string()))
        })
        .collect::<Result<Vec<_>, _>>()?;

    let mut countries = Vec::new();
    for _ in 0..r.header("countries")? {
        let [iso2, iso3, name, aliases] = r.fields()?;
        countries.push(RawCountry {
            iso2,
            iso3,
            name,
            aliases,
        });
    }

    let mut admin1 = Vec::new();
    for _ in 0..r.header("admin1")? {
        let [country, code, name, abbrev] = r.fields()?;
        admin1.push(RawAdmin1 {
            country,
            code,
            name,
            abbrev,
        });
    }

    let n = r.header("places")?;
    let places = RawPlaces {
        names: r.column(n, Some)?,
        countries: r.column(n, Some)?,
        admin1: r.column(n, Some)?,
        lat: r.column(n, |s| s.parse::<f32>().ok())?,
        lon: r.column(n, |s| s.parse::<f32>().ok())?,
        population: r.column(n, |s| s.parse::<u32>().ok())?,
        tz: r.column(n, |s| {
            s.parse::<u16>()
                .ok()
                .filter(|&t| (t as usize) < zones.len())
        })?,
        alternates: r.column(n, Some)?,
    };

    let mut zips = Vec::new();
    for _ in 0..r.header("zips")? {
        let [code, lat, lon, place, tz] = r.fields()?;
        let zip = (|| {
            Some(RawZip {
                code: code.parse().ok().filter(|_| code.len() == 5)?,
                lat: lat.parse().ok()?,
                lon: lon.parse().ok()?,
                place: place.parse().ok().filter(|&p| (p as usize) < n)?,
                tz: tz.parse().ok().filter(|&t| (t as usize) < zones.len())?,
            })
        })();
        zips.push(zip.ok_or_else(|| r.error("bad ZIP row"))?);
    }

    Ok(Raw {
        zones,
        countries,
        admin1,
        places,
        zips,
    })
}

struct Reader<'a> {
    lines: std::str::Lines<'a>,
    line: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, reason: &str) -> GazetteerError {
        GazetteerError::Format {
            line: self.line,
            reason: reason.to_string(),
        }
    }

    fn next(&mut self) -> Result<&'a str, GazetteerError> {
        self.line += 1;
        self.lines
            .next()
            .ok_or_else(|| self.error("unexpected end of data"))
    }

    /// A section header "name<TAB>count".
    fn header(&mut self, name: &str) -> Result<usize, GazetteerError> {
        let line = self.next()?;
        line.strip_prefix(name)
            .and_then(|rest| rest.strip_prefix('\t'))
            .and_then(|count| count.parse().ok())
            .ok_or_else(|| self.error(&format!("expected the {name} section")))
    }

    fn fields<const N: usize>(&mut self) -> Result<[&'a str; N], GazetteerError> {
        let line = self.next()?;
        let mut parts = line.split('\t');
        let fields = std::array::from_fn(|_| parts.next());
        match (fields.iter().all(Option::is_some), parts.next()) {
            (true, None) => Ok(fields.map(|f| f.unwrap_or_default())),
            _ => Err(self.error(&format!("expected {N} fields"))),
        }
    }

    fn column<T>(
        &mut self,
        n: usize,
        parse: impl Fn(&'a str) -> Option<T>,
    ) -> Result<Vec<T>, GazetteerError> {
        (0..n)
            .map(|_| {
                let value = self.next()?;
                parse(value).ok_or_else(|| self.error("bad value"))
            })
            .collect()
    }
}
