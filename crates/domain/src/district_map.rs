//! District boundaries drawn as SVG paths, so that the site shows a map of the city and each
//! district's outline with no map library, tile server or script. The boundaries arrive as a
//! GeoJSON string (the caller decides where it comes from); everything here is arithmetic.
//!
//! WGS84 longitudes and latitudes are projected onto a plane with an equirectangular
//! projection scaled by the cosine of the latitude of the drawing's centre: over a city a few
//! dozen kilometres across, that keeps shapes true to within a fraction of a per cent, which
//! nobody sees on a screen. Coordinates are rounded to whole units of the viewBox and written
//! as relative moves, which keeps the markup of all 18 districts small.

use serde::Deserialize;

/// Why a GeoJSON string could not be drawn.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MapError {
    #[error("the boundaries are not GeoJSON of the expected shape: {0}")]
    Json(String),
    #[error("district {0} is not a Polygon")]
    NotPolygon(i32),
    #[error("district {0} has no boundary")]
    Empty(i32),
    #[error("there are no districts")]
    NoDistricts,
}

/// Width of the city map's viewBox, before the margin; its height follows the city's shape.
pub const CITY_WIDTH: f64 = 1000.0;
/// The longer side of one district's outline, before the margin.
pub const OUTLINE_SIZE: f64 = 400.0;
/// Room around a drawing, so that the boundary's stroke is not cut off at the edges.
const MARGIN: f64 = 4.0;

/// A shape fitted into a viewBox `0 0 width height`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawing {
    pub width: i64,
    pub height: i64,
    /// SVG path data: one closed subpath per ring.
    pub path: String,
}

impl Drawing {
    /// The value of the `viewBox` attribute.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", self.width, self.height)
    }
}

/// One district on the city map.
#[derive(Debug, Clone)]
pub struct DistrictShape {
    /// The district's number, which matches it to the districts in the database.
    pub number: i32,
    /// Its name as the boundary data gives it.
    pub name: String,
    /// Its path data in the city map's viewBox.
    pub path: String,
    /// Its rings projected onto the plane, unscaled, kept to draw its outline alone.
    rings: Vec<Ring>,
}

/// All districts on one map of the city.
#[derive(Debug, Clone)]
pub struct DistrictMap {
    pub width: i64,
    pub height: i64,
    /// In the order of their numbers.
    pub districts: Vec<DistrictShape>,
}

/// A closed ring of points projected onto the plane.
type Ring = Vec<(f64, f64)>;

#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Properties {
    number: i32,
    name: String,
}

#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: String,
    /// A Polygon's rings of [longitude, latitude]: the boundary, then any holes.
    coordinates: Vec<Vec<[f64; 2]>>,
}

impl DistrictMap {
    /// Draws the districts of a GeoJSON FeatureCollection of Polygons whose properties carry
    /// each district's `number` and `name`.
    pub fn parse(geojson: &str) -> Result<DistrictMap, MapError> {
        let collection: Collection = serde_json::from_str(geojson).map_err(|e| MapError::Json(e.to_string()))?;
        let mut features = collection.features;
        if features.is_empty() {
            return Err(MapError::NoDistricts);
        }
        features.sort_by_key(|f| f.properties.number);
        let (mut lat_min, mut lat_max) = (f64::INFINITY, f64::NEG_INFINITY);
        for f in &features {
            if f.geometry.kind != "Polygon" {
                return Err(MapError::NotPolygon(f.properties.number));
            }
            if f.geometry.coordinates.iter().all(|r| r.len() < 3) {
                return Err(MapError::Empty(f.properties.number));
            }
            for [_, lat] in f.geometry.coordinates.iter().flatten() {
                lat_min = lat_min.min(*lat);
                lat_max = lat_max.max(*lat);
            }
        }
        let squeeze = ((lat_min + lat_max) / 2.0).to_radians().cos();
        // North up: the plane's y grows southwards, as SVG's does.
        let project = |[lon, lat]: [f64; 2]| (lon * squeeze, -lat);
        let shapes: Vec<(Properties, Vec<Ring>)> = features
            .into_iter()
            .map(|f| {
                let rings = f
                    .geometry
                    .coordinates
                    .into_iter()
                    .filter(|r| r.len() >= 3)
                    .map(|r| r.into_iter().map(project).collect())
                    .collect();
                (f.properties, rings)
            })
            .collect();
        let all: Vec<&Ring> = shapes.iter().flat_map(|(_, rings)| rings).collect();
        let fit = Fit::new(&all, CITY_WIDTH);
        let districts = shapes
            .into_iter()
            .map(|(p, rings)| DistrictShape { number: p.number, name: p.name, path: fit.path(&rings), rings })
            .collect();
        Ok(DistrictMap { width: fit.width, height: fit.height, districts })
    }

    /// The district numbered `number`, if the boundaries include it.
    pub fn district(&self, number: i32) -> Option<&DistrictShape> {
        self.districts.iter().find(|d| d.number == number)
    }

    /// The value of the city map's `viewBox` attribute.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", self.width, self.height)
    }
}

impl DistrictShape {
    /// The district alone, fitted into its own viewBox whose longer side is [`OUTLINE_SIZE`]:
    /// drawn at the city's scale, a small district such as Stare Miasto would be a few dozen
    /// units across and lose its shape to rounding.
    pub fn outline(&self) -> Drawing {
        let rings: Vec<&Ring> = self.rings.iter().collect();
        let fit = Fit::new(&rings, OUTLINE_SIZE);
        Drawing { width: fit.width, height: fit.height, path: fit.path(&self.rings) }
    }
}

/// Maps projected points into a viewBox whose longer side is `size` plus the margins.
struct Fit {
    x0: f64,
    y0: f64,
    scale: f64,
    width: i64,
    height: i64,
}

impl Fit {
    fn new(rings: &[&Ring], size: f64) -> Fit {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
        for &(x, y) in rings.iter().copied().flatten() {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        let extent = (x1 - x0).max(y1 - y0);
        let scale = if extent > 0.0 { size / extent } else { 1.0 };
        // Rounded as the points are, so that the farthest point lands on the edge, not past it.
        let side = |d: f64| (d * scale).round() as i64 + 2 * MARGIN as i64;
        Fit { x0, y0, scale, width: side(x1 - x0), height: side(y1 - y0) }
    }

    fn point(&self, (x, y): (f64, f64)) -> (i64, i64) {
        (((x - self.x0) * self.scale + MARGIN).round() as i64, ((y - self.y0) * self.scale + MARGIN).round() as i64)
    }

    /// Path data for `rings`: each an absolute move, then relative lines, closed with `z`.
    /// Points that round onto the one before them are left out.
    fn path(&self, rings: &[Ring]) -> String {
        use std::fmt::Write as _;
        let mut d = String::new();
        for ring in rings {
            let mut points: Vec<(i64, i64)> = Vec::with_capacity(ring.len());
            for &p in ring {
                let q = self.point(p);
                if points.last() != Some(&q) {
                    points.push(q);
                }
            }
            // GeoJSON repeats the first point at the end; `z` draws that last side.
            while points.len() > 1 && points.last() == points.first() {
                points.pop();
            }
            let Some(&(mut px, mut py)) = points.first() else { continue };
            let _ = write!(d, "M{px} {py}");
            if points.len() > 1 {
                d.push('l');
            }
            for (i, &(x, y)) in points.iter().enumerate().skip(1) {
                let (dx, dy) = (x - px, y - py);
                // A minus sign separates numbers by itself; only a positive one needs a space.
                if i > 1 && dx >= 0 {
                    d.push(' ');
                }
                let _ = write!(d, "{dx}");
                if dy >= 0 {
                    d.push(' ');
                }
                let _ = write!(d, "{dy}");
                (px, py) = (x, y);
            }
            d.push('z');
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE_AND_STRIP: &str = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"number":2,"name":"Strip"},"geometry":{"type":"Polygon",
         "coordinates":[[[20.0,50.0],[20.2,50.0],[20.2,50.05],[20.0,50.05],[20.0,50.0]]]}},
        {"type":"Feature","properties":{"number":1,"name":"Square"},"geometry":{"type":"Polygon",
         "coordinates":[[[19.9,50.0],[20.0,50.0],[20.0,50.1],[19.9,50.1],[19.9,50.0]]]}}]}"#;

    /// The absolute points a path visits, ring by ring.
    pub(crate) fn rings_of(path: &str) -> Vec<Vec<(i64, i64)>> {
        let mut rings = vec![];
        for sub in path.split('M').filter(|s| !s.is_empty()) {
            assert!(sub.ends_with('z'), "every ring is closed: {sub}");
            let body = sub.trim_end_matches('z');
            let (start, rest) = body.split_once('l').unwrap_or((body, ""));
            let nums =
                |s: &str| -> Vec<i64> { s.replace('-', " -").split_whitespace().map(|n| n.parse().unwrap()).collect() };
            let s = nums(start);
            let mut at = (s[0], s[1]);
            let mut ring = vec![at];
            for d in nums(rest).chunks(2) {
                at = (at.0 + d[0], at.1 + d[1]);
                ring.push(at);
            }
            rings.push(ring);
        }
        rings
    }

    #[test]
    fn districts_come_in_number_order_fitted_to_the_view_box() {
        let map = DistrictMap::parse(SQUARE_AND_STRIP).unwrap();
        assert_eq!(map.districts.iter().map(|d| d.number).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(map.width, 1008, "the city is 1000 wide plus the margins");
        for d in &map.districts {
            for (x, y) in rings_of(&d.path).concat() {
                assert!((0..=map.width).contains(&x) && (0..=map.height).contains(&y), "{x} {y}");
            }
        }
        // North is up: the square's north edge is at the top of the map.
        let square = rings_of(&map.district(1).unwrap().path).concat();
        assert_eq!(square.iter().map(|p| p.1).min(), Some(4));
        // 0.1° of longitude at 50° N is about 0.64 of 0.1° of latitude.
        let w = square.iter().map(|p| p.0).max().unwrap() - square.iter().map(|p| p.0).min().unwrap();
        let h = square.iter().map(|p| p.1).max().unwrap() - square.iter().map(|p| p.1).min().unwrap();
        let ratio = w as f64 / h as f64;
        assert!((0.62..0.66).contains(&ratio), "{ratio}");
    }

    #[test]
    fn an_outline_fills_its_own_view_box() {
        let map = DistrictMap::parse(SQUARE_AND_STRIP).unwrap();
        let strip = map.district(2).unwrap().outline();
        assert_eq!(strip.width, 408);
        assert!(strip.height < strip.width);
        assert_eq!(strip.view_box(), format!("0 0 408 {}", strip.height));
        let points = rings_of(&strip.path).concat();
        assert_eq!(points.len(), 4, "the repeated closing point is left to z: {}", strip.path);
        assert!(points.iter().all(|&(x, y)| (0..=strip.width).contains(&x) && (0..=strip.height).contains(&y)));
    }

    #[test]
    fn krakow_has_18_districts_closed_and_inside_a_map_wider_than_tall() {
        // The copy the site draws, with its attribution beside it.
        let map = DistrictMap::parse(include_str!("../../web/data/krakow-districts.geojson")).unwrap();
        assert_eq!(map.districts.iter().map(|d| d.number).collect::<Vec<_>>(), (1..=18).collect::<Vec<_>>());
        assert_eq!(map.district(13).unwrap().name, "Podgórze");
        // Kraków is about 31 km from west to east and 18 km from north to south.
        let ratio = map.width as f64 / map.height as f64;
        assert!((1.5..1.9).contains(&ratio), "{} x {}", map.width, map.height);
        let mut size = 0;
        for d in &map.districts {
            size += d.path.len();
            let rings = rings_of(&d.path);
            assert!(!rings.is_empty() && rings.iter().all(|r| r.len() >= 3), "district {}", d.number);
            for (x, y) in rings.concat() {
                assert!(
                    (0..=map.width).contains(&x) && (0..=map.height).contains(&y),
                    "district {}: {x} {y}",
                    d.number
                );
            }
            let outline = d.outline();
            assert_eq!(outline.width.max(outline.height), 408, "district {}", d.number);
            for (x, y) in rings_of(&outline.path).concat() {
                assert!((0..=outline.width).contains(&x) && (0..=outline.height).contains(&y));
            }
        }
        assert!(size < 40_000, "the city map's paths take {size} bytes");
    }

    #[test]
    fn bad_input_is_refused_with_a_reason() {
        assert!(matches!(DistrictMap::parse("not json"), Err(MapError::Json(_))));
        assert_eq!(DistrictMap::parse(r#"{"features":[]}"#).unwrap_err(), MapError::NoDistricts);
        let line = r#"{"features":[{"properties":{"number":7,"name":"X"},"geometry":{"type":"MultiPolygon","coordinates":[]}}]}"#;
        assert_eq!(DistrictMap::parse(line).unwrap_err(), MapError::NotPolygon(7));
        let empty = r#"{"features":[{"properties":{"number":3,"name":"X"},"geometry":{"type":"Polygon","coordinates":[[[1,2]]]}}]}"#;
        assert_eq!(DistrictMap::parse(empty).unwrap_err(), MapError::Empty(3));
    }
}
