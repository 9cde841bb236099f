"""Every parameter of every algorithm carries its help (the dialog's tooltip, the Model Designer's help),
taken from the algorithm's Help record, and every Help entry names something the algorithm has."""
from besecure.i18n import tr
from besecure.processing.base import OUTPUT_CRS, OUTPUT_CRS_HELP, Help

# Parameters allowed to have no help text: none today.
WITHOUT_HELP: set[tuple[str, str]] = set()


def test_every_parameter_has_help(besecure_provider):
    algorithms = besecure_provider.algorithms()
    assert len(algorithms) >= 18
    missing = [(alg.name(), d.name()) for alg in algorithms for d in alg.parameterDefinitions()
               if not d.help().strip() and (alg.name(), d.name()) not in WITHOUT_HELP]
    assert not missing


def test_every_help_entry_names_a_parameter_or_output(besecure_provider):
    # A misspelt key in a Help record would silently leave its parameter without a tooltip.
    unknown = []
    for alg in besecure_provider.algorithms():
        names = {d.name() for d in alg.parameterDefinitions()} | {o.name() for o in alg.outputDefinitions()}
        unknown += [(alg.name(), key) for key in alg.HELP.by_name() if key not in names]
    assert not unknown


def test_help_comes_from_the_help_record(besecure_provider):
    kde = besecure_provider.algorithm("kerneldensity")
    assert kde.parameterDefinition("CELL_SIZE").help() == tr(kde.HELP.parameters["CELL_SIZE"])
    assert kde.parameterDefinition(OUTPUT_CRS).help() == tr(OUTPUT_CRS_HELP)
    # A combined key gives both parameters the same text.
    change = besecure_provider.algorithm("periodchange")
    text = tr(change.HELP.parameters["PERIOD_A_START / PERIOD_A_END"])
    assert change.parameterDefinition("PERIOD_A_START").help() == text
    assert change.parameterDefinition("PERIOD_A_END").help() == text
    # The report's second-variant layers share the text that names the _B suffix.
    report = besecure_provider.algorithm("sbdreport")
    assert report.parameterDefinition("LAMPS_B").help() == report.parameterDefinition("LAMPS").help()
    assert "_B" in report.parameterDefinition("LAMPS_B").help()


def test_combined_help_keys_are_split():
    record = Help("s", {"A / B": "both", "C, D,E": "three", "A": "again"}, {"OUT": "written", "C": "output"})
    assert record.by_name() == {"A": "both", "B": "both", "C": "three", "D": "three", "E": "three",
                                "OUT": "written"}
