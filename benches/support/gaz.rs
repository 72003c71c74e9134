//! Reads the US places and ZIP codes out of data/gazetteer.tsv.gz (format in data/README.md),
//! independently of the crate's private parser, to pick where rallies and queries go.
use std::io::Read;

pub struct UsPlace {
    pub name: String,
    /// The state code ("TX").
    pub state: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u32,
    pub tz: String,
}

pub struct UsData {
    /// Most populous first.
    pub places: Vec<UsPlace>,
    pub zips: Vec<u32>,
}

pub fn load() -> UsData {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/gazetteer.tsv.gz");
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("opening {path}: {e}"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("decompressing the gazetteer");
    let mut lines = text.lines();
    let mut next = move || lines.next().expect("gazetteer ends early");
    assert_eq!(next(), "rallybot-gazetteer\t1", "unknown gazetteer format");
    let header = |line: &str, name: &str| -> usize {
        let (n, count) = line.split_once('\t').expect("section header");
        assert_eq!(n, name, "expected the {name} section");
        count.parse().expect("section count")
    };
    let zones: Vec<String> = (0..header(next(), "zones"))
        .map(|_| next().to_string())
        .collect();
    for _ in 0..header(next(), "countries") {
        next();
    }
    for _ in 0..header(next(), "admin1") {
        next();
    }
    let n = header(next(), "places");
    let mut column = || -> Vec<&str> { (0..n).map(|_| next()).collect() };
    let names = column();
    let countries = column();
    let admin1 = column();
    let lat = column();
    let lon = column();
    let population = column();
    let tz = column();
    let _alternates = column();
    let mut places: Vec<UsPlace> = (0..n)
        .filter(|&i| countries[i] == "US")
        .map(|i| UsPlace {
            name: names[i].to_string(),
            state: admin1[i].to_string(),
            lat: lat[i].parse().expect("latitude"),
            lon: lon[i].parse().expect("longitude"),
            population: population[i].parse().expect("population"),
            tz: zones[tz[i].parse::<usize>().expect("zone index")].clone(),
        })
        .collect();
    places.sort_by(|a, b| b.population.cmp(&a.population).then(a.name.cmp(&b.name)));
    let zips = (0..header(next(), "zips"))
        .map(|_| {
            next()
                .split('\t')
                .next()
                .and_then(|c| c.parse().ok())
                .expect("ZIP code")
        })
        .collect();
    UsData { places, zips }
}

/// SplitMix64: small, fast and reproducible; the bench needs no `rand`.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}
