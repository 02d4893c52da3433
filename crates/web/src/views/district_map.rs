//! The district map and outlines, drawn once from the boundaries built into the binary: the
//! map of `/dzielnice` and the outline on each district's page share them.

use agora_db::reference::District;
use agora_domain::district_map::{DistrictMap, Drawing};
use agora_domain::reference::DistrictInput;
use std::sync::LazyLock;

/// Kraków's district boundaries (OpenStreetMap; see `data/README.md` for the attribution
/// every page showing them carries).
const BOUNDARIES: &str = include_str!("../../data/krakow-districts.geojson");

/// Drawn on first use. The file is part of the build and a test parses it, so a failure here
/// is a broken build; the pages then show their lists without a map rather than an error.
static MAP: LazyLock<Option<DistrictMap>> = LazyLock::new(|| match DistrictMap::parse(BOUNDARIES) {
    Ok(map) => Some(map),
    Err(e) => {
        tracing::error!("district boundaries not drawn: {e}");
        None
    }
});

/// Where the attribution of the boundaries links.
pub const OSM_COPYRIGHT: &str = "https://www.openstreetmap.org/copyright";

/// One district as the map and the list beside it show it.
pub struct MapDistrict {
    /// Its page; `None` for a boundary with no district of that number in the database.
    pub href: Option<String>,
    /// "XIII Podgórze".
    pub label: String,
    pub roman: String,
    pub name: String,
    /// Path data; empty when the boundaries lack this district.
    pub path: String,
}

/// The city map: its viewBox and every district, those in the database by their numbers.
pub struct CityMap {
    pub view_box: String,
    pub districts: Vec<MapDistrict>,
}

/// A district's page: its name folded to ASCII (`/dzielnice/podgorze`); the page also answers
/// to the district's number.
pub fn href(name: &str) -> String {
    format!("/dzielnice/{}", agora_domain::consultation::slugify(name))
}

fn label(number: i32, name: &str) -> String {
    format!("{} {name}", DistrictInput::roman(number))
}

/// The map of `districts`, or `None` when the boundaries could not be drawn. Boundaries of
/// districts the database lacks are drawn unlinked, so the city keeps its shape.
pub fn city(districts: &[District]) -> Option<CityMap> {
    let map = MAP.as_ref()?;
    let shapes = map
        .districts
        .iter()
        .map(|s| {
            let d = districts.iter().find(|d| d.number == s.number);
            let name = d.map_or(s.name.clone(), |d| d.name.clone());
            MapDistrict {
                href: d.map(|d| href(&d.name)),
                label: label(s.number, &name),
                roman: DistrictInput::roman(s.number),
                name,
                path: s.path.clone(),
            }
        })
        .collect();
    Some(CityMap { view_box: map.view_box(), districts: shapes })
}

/// The list beside the map: every district in the database, with its path when drawn.
pub fn list(districts: &[District]) -> Vec<MapDistrict> {
    districts
        .iter()
        .map(|d| MapDistrict {
            href: Some(href(&d.name)),
            label: label(d.number, &d.name),
            roman: DistrictInput::roman(d.number),
            name: d.name.clone(),
            path: String::new(),
        })
        .collect()
}

/// The outline of the district numbered `number`, if the boundaries include it.
pub fn outline(number: i32) -> Option<Drawing> {
    Some(MAP.as_ref()?.district(number)?.outline())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_boundaries_are_drawn() {
        let map = city(&[District { id: 7, number: 13, name: "Podgórze".into() }]).unwrap();
        assert_eq!(map.districts.len(), 18);
        let linked: Vec<_> = map.districts.iter().filter(|d| d.href.is_some()).collect();
        assert_eq!(linked.len(), 1);
        assert_eq!(linked[0].href.as_deref(), Some("/dzielnice/podgorze"));
        assert_eq!(linked[0].label, "XIII Podgórze");
        assert!(outline(1).is_some() && outline(99).is_none());
    }
}
