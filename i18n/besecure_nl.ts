<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
  <context>
    <name>besecure</name>
    <message>
      <source>BESECURE</source>
      <translation>BESECURE</translation>
    </message>
    <message>
      <source>BESECURE algorithms…</source>
      <translation>BESECURE-algoritmen…</translation>
    </message>
    <message>
      <source>Show the BESECURE algorithms in the Processing Toolbox</source>
      <translation>Toon de BESECURE-algoritmen in de Processing-toolbox</translation>
    </message>
    <message>
      <source>Aggregate incidents</source>
      <translation>Incidenten aggregeren</translation>
    </message>
    <message>
      <source>Counts incidents per square cell, hexagon or zone and writes the crime map analysts use: counts, density, rate per 1,000 residents, share of all incidents, rank and cumulative share (the 80/20 concentration), one count per category, and optional suppression of small counts for publication.</source>
      <translation>Telt incidenten per vierkante cel, zeshoek of gebied en maakt de criminaliteitskaart die analisten gebruiken: aantallen, dichtheid, aantal per 1.000 inwoners, aandeel van alle incidenten, rang en cumulatief aandeel (de 80/20-concentratie), een telling per categorie en desgewenst het onderdrukken van kleine aantallen voor publicatie.</translation>
    </message>
    <message>
      <source>Optional field with the incident type: one count column n_&lt;type&gt; per type (the 39 most frequent; the rest in n_other).</source>
      <translation>Optioneel veld met het soort incident: één telkolom n_&lt;soort&gt; per soort (de 39 meest voorkomende; de rest in n_other).</translation>
    </message>
    <message>
      <source>Optional date/time field, needed for START and END.</source>
      <translation>Optioneel datum/tijdveld, nodig voor START en END.</translation>
    </message>
    <message>
      <source>Optional first day of the period (YYYY-MM-DD or YYYY-MM-DD HH:MM), inclusive.</source>
      <translation>Optionele eerste dag van de periode (JJJJ-MM-DD of JJJJ-MM-DD UU:MM), inclusief.</translation>
    </message>
    <message>
      <source>Optional last day of the period, inclusive for a date, exclusive for a date and time.</source>
      <translation>Optionele laatste dag van de periode: inclusief bij een datum, exclusief bij datum en tijd.</translation>
    </message>
    <message>
      <source>For publishing: counts from 1 to this value minus 1 are withheld (null, suppressed = 1) with everything derived from them. 0 = show all.</source>
      <translation>Voor publicatie: aantallen van 1 tot deze waarde min 1 worden weggelaten (leeg, suppressed = 1), met alles wat ervan is afgeleid. 0 = alles tonen.</translation>
    </message>
    <message>
      <source>Polygons with cell_id (grids) or the zone id, count, n_&lt;category&gt;, area_km2, per_km2 (incidents per km²), population and rate_1000 (with population), share, rank, cum_share and suppressed. CRS: the working CRS, stated in the log.</source>
      <translation>Polygonen met cell_id (rasters) of de gebieds-id, count, n_&lt;categorie&gt;, area_km2, per_km2 (incidenten per km²), population en rate_1000 (met bevolking), share, rank, cum_share en suppressed. CRS: het werk-CRS, vermeld in het logboek.</translation>
    </message>
    <message>
      <source>Grid cells are found by arithmetic on coordinates (a point on a cell edge belongs to the cell on its right/top; a point equidistant from two hexagon centres to the even column). Zones use an exact point-in-polygon test; a point on a boundary shared by two zones is counted once, in the first zone in layer order. Incidents outside every unit are left out and reported in the log. Concentration: Weisburd (2015), the law of crime concentration.</source>
      <translation>Rastercellen volgen uit rekenen met coördinaten (een punt op een celrand hoort bij de cel rechts/boven; een punt even ver van twee zeshoekmiddens bij de even kolom). Gebieden gebruiken een exacte punt-in-polygoontoets; een punt op een grens van twee gebieden telt één keer mee, in het eerste gebied in de laagvolgorde. Incidenten buiten alle eenheden tellen niet mee en worden in het logboek gemeld. Concentratie: Weisburd (2015), de wet van criminaliteitsconcentratie.</translation>
    </message>
    <message>
      <source>Rank 1 is the unit with most incidents; cum_share tells which share of all incidents the units up to this rank hold, e.g. 'the top 5 % of cells hold 50 % of burglaries'.</source>
      <translation>Rang 1 is de eenheid met de meeste incidenten; cum_share zegt welk deel van alle incidenten in de eenheden tot en met deze rang valt, bijvoorbeeld 'de top 5 % van de cellen heeft 50 % van de inbraken'.</translation>
    </message>
    <message>
      <source>Minimum count to publish (0 = all)</source>
      <translation>Minimaal te publiceren aantal (0 = alles)</translation>
    </message>
    <message>
      <source>Category field</source>
      <translation>Categorieveld</translation>
    </message>
    <message>
      <source>Date/time field</source>
      <translation>Datum/tijdveld</translation>
    </message>
    <message>
      <source>Period start</source>
      <translation>Begin periode</translation>
    </message>
    <message>
      <source>Period end</source>
      <translation>Einde periode</translation>
    </message>
    <message>
      <source>Incidents per unit</source>
      <translation>Incidenten per eenheid</translation>
    </message>
    <message>
      <source>{} incidents counted in {} units; the top 20 % of units hold {:.0%} of them.</source>
      <translation>{} incidenten geteld in {} eenheden; de top 20 % van de eenheden heeft er {:.0%} van.</translation>
    </message>
    <message>
      <source>{} incidents fall outside every unit and are not counted.</source>
      <translation>{} incidenten liggen buiten alle eenheden en tellen niet mee.</translation>
    </message>
    <message>
      <source>Create demo town</source>
      <translation>Demostad maken</translation>
    </message>
    <message>
      <source>Writes a small synthetic town (4 km x 3 km, Dutch RD New CRS) to a GeoPackage, to try every BESECURE tool without real data: neighbourhoods with population, streets, buildings, street lamps, a pedestrian zone and two years (2023-2024) of incidents in six categories, with a few planted patterns.</source>
      <translation>Schrijft een kleine verzonnen stad (4 km x 3 km, RD New) naar een GeoPackage om elk BESECURE-instrument zonder echte gegevens te proberen: buurten met bevolking, straten, gebouwen, lantaarnpalen, een voetgangersgebied en twee jaar (2023-2024) incidenten in zes categorieën, met enkele ingebouwde patronen.</translation>
    </message>
    <message>
      <source>Random seed: the same seed always gives the same town.</source>
      <translation>Startwaarde van het toeval: dezelfde waarde geeft altijd dezelfde stad.</translation>
    </message>
    <message>
      <source>Multiplies the number of incidents (1 gives about 4,000).</source>
      <translation>Vermenigvuldigt het aantal incidenten (1 geeft er ongeveer 4.000).</translation>
    </message>
    <message>
      <source>GeoPackage file to write (replaced if it exists).</source>
      <translation>GeoPackage-bestand om te schrijven (wordt vervangen als het bestaat).</translation>
    </message>
    <message>
      <source>GeoPackage with the layers neighbourhoods, streets, buildings, street_lamps, pedestrian_zone, incidents (category, occurred, window_from, window_to for burglaries) and ground_truth.</source>
      <translation>GeoPackage met de lagen neighbourhoods, streets, buildings, street_lamps, pedestrian_zone, incidents (category, occurred, window_from, window_to voor inbraken) en ground_truth.</translation>
    </message>
    <message>
      <source>Planted ground truth: a station hot spot (bicycle theft, robbery), a nightlife hot spot (violence on Friday/Saturday nights), an east neighbourhood with 9x the burglary rate and near-repeat chains, a park-and-ride where vehicle crime starts in 2024, and a street without lamps. See the ground_truth layer.</source>
      <translation>Ingebouwde patronen: een hotspot bij het station (fietsdiefstal, straatroof), een uitgaanshotspot (geweld in vrijdag- en zaterdagnachten), een oostelijke buurt met 9x zoveel inbraken en near-repeatreeksen, een P+R waar voertuigcriminaliteit in 2024 begint, en een straat zonder lantaarns. Zie de laag ground_truth.</translation>
    </message>
    <message>
      <source>Everything is synthetic; use it to learn the tools and to check that an analysis finds what was planted.</source>
      <translation>Alles is verzonnen; gebruik het om de instrumenten te leren kennen en om te controleren dat een analyse vindt wat erin is gestopt.</translation>
    </message>
    <message>
      <source>Random seed</source>
      <translation>Startwaarde toeval</translation>
    </message>
    <message>
      <source>Incident volume factor</source>
      <translation>Factor aantal incidenten</translation>
    </message>
    <message>
      <source>Demo town GeoPackage</source>
      <translation>GeoPackage demostad</translation>
    </message>
    <message>
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <source>Demo town layers</source>
      <translation>Lagen van de demostad</translation>
    </message>
    <message>
      <source>Demo town written to {} ({} incidents).</source>
      <translation>Demostad geschreven naar {} ({} incidenten).</translation>
    </message>
    <message>
      <source>Hot times</source>
      <translation>Hot times (tijdstippen)</translation>
    </message>
    <message>
      <source>Builds the 7 x 24 hot-times table: how incidents spread over the days of the week and the hours of the day, overall or per zone. Incidents known only within a time window (a burglary between leaving home and coming back) are spread over the window's hours (aoristic analysis).</source>
      <translation>Maakt de 7 x 24 hot-timestabel: hoe incidenten over de dagen van de week en de uren van de dag verdeeld zijn, in totaal of per gebied. Incidenten waarvan alleen een tijdvenster bekend is (een inbraak tussen vertrek en thuiskomst) worden over de uren van dat venster verdeeld (aoristische analyse).</translation>
    </message>
    <message>
      <source>Date/time the incident happened, or the start of its window.</source>
      <translation>Datum/tijd van het incident, of het begin van het tijdvenster.</translation>
    </message>
    <message>
      <source>Optional end of the window (exclusive). Empty, or not after the start: the whole weight goes to the start hour.</source>
      <translation>Optioneel einde van het venster (exclusief). Leeg, of niet na het begin: het hele gewicht gaat naar het beginuur.</translation>
    </message>
    <message>
      <source>Optional polygons: one table per zone (field zone).</source>
      <translation>Optionele polygonen: één tabel per gebied (veld zone).</translation>
    </message>
    <message>
      <source>Table with 168 rows (per zone): weekday (0 = Monday .. 6 = Sunday), day, hour (0..23), weight (incidents, aoristic where windows are given), share (of the zone's total) and zone.</source>
      <translation>Tabel met 168 rijen (per gebied): weekday (0 = maandag .. 6 = zondag), day, hour (0..23), weight (incidenten, aoristisch bij tijdvensters), share (van het totaal van het gebied) en zone.</translation>
    </message>
    <message>
      <source>Aoristic weights (Ratcliffe 2000) exact to the minute: start inclusive, end exclusive, weights sum to 1 per incident; a window of a week or longer gives 1/168 to every hour.</source>
      <translation>Aoristische gewichten (Ratcliffe 2000) tot op de minuut: begin inclusief, einde exclusief, gewichten tellen op tot 1 per incident; een venster van een week of langer geeft elk uur 1/168.</translation>
    </message>
    <message>
      <source>A weight of 12.5 at Friday 22h means 12.5 incidents are expected to have happened in that hour over the whole period; compare rows, not single incidents.</source>
      <translation>Een gewicht van 12,5 op vrijdag 22 uur betekent dat naar verwachting 12,5 incidenten in dat uur plaatsvonden over de hele periode; vergelijk rijen, geen losse incidenten.</translation>
    </message>
    <message>
      <source>Zones (optional, one table per zone)</source>
      <translation>Gebieden (optioneel, één tabel per gebied)</translation>
    </message>
    <message>
      <source>Time (or window start) field</source>
      <translation>Tijdveld (of begin venster)</translation>
    </message>
    <message>
      <source>Window end field</source>
      <translation>Veld einde venster</translation>
    </message>
    <message>
      <source>Total weight {:.2f} over {} incidents.</source>
      <translation>Totaal gewicht {:.2f} over {} incidenten.</translation>
    </message>
    <message>
      <source>{} window ends could not be read: weight on the start hour.</source>
      <translation>{} venstereinden waren onleesbaar: gewicht op het beginuur.</translation>
    </message>
    <message>
      <source>{} windows end at or before their start: weight on the start hour.</source>
      <translation>{} vensters eindigen op of voor hun begin: gewicht op het beginuur.</translation>
    </message>
    <message>
      <source>{} incidents fall outside every zone and are left out.</source>
      <translation>{} incidenten liggen buiten alle gebieden en tellen niet mee.</translation>
    </message>
    <message>
      <source>Compare periods</source>
      <translation>Perioden vergelijken</translation>
    </message>
    <message>
      <source>Counts incidents per cell or zone in two periods (A = before, B = after) and tells where they rose or fell by more than chance would explain.</source>
      <translation>Telt incidenten per cel of gebied in twee perioden (A = voor, B = na) en laat zien waar ze meer stegen of daalden dan toeval kan verklaren.</translation>
    </message>
    <message>
      <source>Date/time field of the incidents.</source>
      <translation>Datum/tijdveld van de incidenten.</translation>
    </message>
    <message>
      <source>First period (before), dates inclusive (YYYY-MM-DD).</source>
      <translation>Eerste periode (voor), datums inclusief (JJJJ-MM-DD).</translation>
    </message>
    <message>
      <source>Second period (after), dates inclusive.</source>
      <translation>Tweede periode (na), datums inclusief.</translation>
    </message>
    <message>
      <source>Polygons with count_a, count_b, diff (b - a), pct_change (null when a = 0), poisson_z and trend.</source>
      <translation>Polygonen met count_a, count_b, diff (b - a), pct_change (leeg als a = 0), poisson_z en trend.</translation>
    </message>
    <message>
      <source>Poisson z = 2 (sqrt(b) - sqrt(a)) (variance-stabilised difference of two counts); |z| &gt;= 1.96 is labelled a significant increase or decrease (5 % level, two-sided). Use periods of equal length.</source>
      <translation>Poisson-z = 2 (wortel(b) - wortel(a)) (variantiestabiliserend verschil van twee aantallen); |z| &gt;= 1,96 heet een significante stijging of daling (5 %-niveau, tweezijdig). Gebruik perioden van gelijke lengte.</translation>
    </message>
    <message>
      <source>Red units rose, blue ones fell, beyond what random variation of the counts would give; 4 -&gt; 9 incidents gives z = 2.0, just significant.</source>
      <translation>Rode eenheden stegen, blauwe daalden, meer dan toevallige schommeling zou geven; 4 -&gt; 9 incidenten geeft z = 2,0, net significant.</translation>
    </message>
    <message>
      <source>Period A (before) start</source>
      <translation>Periode A (voor) begin</translation>
    </message>
    <message>
      <source>Period A (before) end</source>
      <translation>Periode A (voor) einde</translation>
    </message>
    <message>
      <source>Period B (after) start</source>
      <translation>Periode B (na) begin</translation>
    </message>
    <message>
      <source>Period B (after) end</source>
      <translation>Periode B (na) einde</translation>
    </message>
    <message>
      <source>Change between periods</source>
      <translation>Verandering tussen perioden</translation>
    </message>
    <message>
      <source>{} incidents in period A, {} in period B.</source>
      <translation>{} incidenten in periode A, {} in periode B.</translation>
    </message>
    <message>
      <source>{} units with a significant increase, {} with a significant decrease.</source>
      <translation>{} eenheden met een significante stijging, {} met een significante daling.</translation>
    </message>
    <message>
      <source>Crime maps</source>
      <translation>Criminaliteitskaarten</translation>
    </message>
    <message>
      <source>Risk surfaces and hot spots</source>
      <translation>Risicokaarten en hotspots</translation>
    </message>
    <message>
      <source>Prediction and evaluation</source>
      <translation>Voorspelling en evaluatie</translation>
    </message>
    <message>
      <source>Security by design</source>
      <translation>Security by design</translation>
    </message>
    <message>
      <source>Data</source>
      <translation>Gegevens</translation>
    </message>
    <message>
      <source>Cancelled by the user; no output was written.</source>
      <translation>Geannuleerd door de gebruiker; er is niets geschreven.</translation>
    </message>
    <message>
      <source>Parameters</source>
      <translation>Parameters</translation>
    </message>
    <message>
      <source>Outputs</source>
      <translation>Uitvoer</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>Methode</translation>
    </message>
    <message>
      <source>How to read the result</source>
      <translation>Zo lees je het resultaat</translation>
    </message>
    <message>
      <source>Incident points: any point layer or a CSV file with x/y or latitude/longitude columns. Any CRS: distances are in metres (layers in degrees or feet are worked in their UTM zone).</source>
      <translation>Incidentpunten: elke puntlaag of een CSV-bestand met x/y- of latitude/longitude-kolommen. Elk CRS: afstanden zijn in meters (lagen in graden of voet worden in hun UTM-zone bewerkt).</translation>
    </message>
    <message>
      <source>CRS of the x/y columns of a CSV file opened without geometry (lat/lon columns are WGS 84).</source>
      <translation>CRS van de x/y-kolommen van een CSV-bestand zonder geometrie (lat/lon-kolommen zijn WGS 84).</translation>
    </message>
    <message>
      <source>IANA time zone (e.g. Europe/Amsterdam): timestamps carrying a UTC offset are converted to it; times without an offset are taken as local wall-clock times.</source>
      <translation>IANA-tijdzone (bijv. Europe/Amsterdam): tijdstempels met een UTC-verschuiving worden hiernaar omgerekend; tijden zonder verschuiving gelden als lokale kloktijd.</translation>
    </message>
    <message>
      <source>Incidents (points)</source>
      <translation>Incidenten (punten)</translation>
    </message>
    <message>
      <source>CRS of x/y columns in a CSV input</source>
      <translation>CRS van x/y-kolommen in een CSV-invoer</translation>
    </message>
    <message>
      <source>Time zone (IANA name)</source>
      <translation>Tijdzone (IANA-naam)</translation>
    </message>
    <message>
      <source>{} incidents without a time and {} with an unparseable time in '{}' were skipped.</source>
      <translation>{} incidenten zonder tijd en {} met een onleesbare tijd in '{}' zijn overgeslagen.</translation>
    </message>
    <message>
      <source>BESECURE Urban Security Toolbox</source>
      <translation>BESECURE-gereedschapskist stedelijke veiligheid</translation>
    </message>
    <message>
      <source>Spatial units: 0 square grid, 1 hexagon grid, 2 the polygons of ZONES.</source>
      <translation>Ruimtelijke eenheden: 0 vierkant raster, 1 zeshoekraster, 2 de polygonen van ZONES.</translation>
    </message>
    <message>
      <source>Cell size in metres, whatever the layer's CRS (default 250). For hexagons, the distance between parallel sides. Grids are anchored to multiples of the size, so maps of different periods line up.</source>
      <translation>Celgrootte in meters, ongeacht het CRS van de laag (standaard 250). Bij zeshoeken de afstand tussen evenwijdige zijden. Rasters liggen vast op veelvouden van de grootte, zodat kaarten van verschillende perioden op elkaar passen.</translation>
    </message>
    <message>
      <source>Polygon layer (neighbourhoods, beats, community areas) used when AGGREGATION is 2; any CRS.</source>
      <translation>Polygoonlaag (buurten, wijken, politiegebieden) die gebruikt wordt als AGGREGATION 2 is; elk CRS.</translation>
    </message>
    <message>
      <source>Field that identifies a zone in the output (default: the feature id).</source>
      <translation>Veld dat een gebied in de uitvoer aanduidt (standaard: het object-id).</translation>
    </message>
    <message>
      <source>Numeric field of ZONES with residents, for rate_1000.</source>
      <translation>Numeriek veld van ZONES met het aantal inwoners, voor rate_1000.</translation>
    </message>
    <message>
      <source>Point layer with population (e.g. census block centroids), summed per unit; works with grids and zones.</source>
      <translation>Puntlaag met bevolking (bijv. middelpunten van bouwblokken), opgeteld per eenheid; werkt met rasters en gebieden.</translation>
    </message>
    <message>
      <source>Numeric field of POPULATION_POINTS with the number of residents.</source>
      <translation>Numeriek veld van POPULATION_POINTS met het aantal inwoners.</translation>
    </message>
    <message>
      <source>Optional polygon mask: incidents outside it are left out (and counted in the log); grid cells are kept where they overlap it.</source>
      <translation>Optioneel polygoonmasker: incidenten erbuiten tellen niet mee (en staan in het logboek); rastercellen blijven waar ze het overlappen.</translation>
    </message>
    <message>
      <source>Keep units without incidents (default yes), so a map shows where nothing was recorded.</source>
      <translation>Eenheden zonder incidenten behouden (standaard ja), zodat de kaart laat zien waar niets is geregistreerd.</translation>
    </message>
    <message>
      <source>Refuse grids with more cells than this (protects against a cell size typed in the wrong unit).</source>
      <translation>Weiger rasters met meer cellen dan dit (beschermt tegen een celgrootte in de verkeerde eenheid).</translation>
    </message>
    <message>
      <source>Zones (when the units are a polygon layer)</source>
      <translation>Gebieden (als de eenheden een polygoonlaag zijn)</translation>
    </message>
    <message>
      <source>Cell size (metres)</source>
      <translation>Celgrootte (meter)</translation>
    </message>
    <message>
      <source>Keep units without incidents</source>
      <translation>Eenheden zonder incidenten behouden</translation>
    </message>
    <message>
      <source>Maximum number of grid cells</source>
      <translation>Maximaal aantal rastercellen</translation>
    </message>
    <message>
      <source>Zone identifier field</source>
      <translation>Veld met gebieds-id</translation>
    </message>
    <message>
      <source>Spatial units</source>
      <translation>Ruimtelijke eenheden</translation>
    </message>
    <message>
      <source>Study area (optional mask)</source>
      <translation>Onderzoeksgebied (optioneel masker)</translation>
    </message>
    <message>
      <source>Square grid</source>
      <translation>Vierkant raster</translation>
    </message>
    <message>
      <source>Hexagon grid</source>
      <translation>Zeshoekraster</translation>
    </message>
    <message>
      <source>Polygon layer (zones)</source>
      <translation>Polygoonlaag (gebieden)</translation>
    </message>
    <message>
      <source>Population field of the zones</source>
      <translation>Bevolkingsveld van de gebieden</translation>
    </message>
    <message>
      <source>Population points</source>
      <translation>Bevolkingspunten</translation>
    </message>
    <message>
      <source>Population field of the points</source>
      <translation>Bevolkingsveld van de punten</translation>
    </message>
    <message>
      <source>Working and output CRS: {}</source>
      <translation>Werk- en uitvoer-CRS: {}</translation>
    </message>
  </context>
</TS>
