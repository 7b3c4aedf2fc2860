from app.core.script.placeholders import fill, prospect_values

LINE = "Hi {first_name}, this is {my_name} from {my_company}."


def test_known_placeholders_are_filled_and_unknown_ones_stay_visible() -> None:
    values = {"first_name": "Peter", "my_name": "Ann"}
    assert fill(LINE, values) == "Hi Peter, this is Ann from {my_company}."


def test_an_empty_value_never_leaves_a_gap() -> None:
    assert fill(LINE, {"first_name": "", "my_company": "  "}) == LINE


def test_any_named_placeholder_and_spaces_inside_braces() -> None:
    assert fill("Calling about { product } for {company}", {"product": "X", "company": "Y"}) == (
        "Calling about X for Y"
    )


def test_prospect_values_leave_out_what_was_not_typed() -> None:
    assert prospect_values("Peter", "") == {"first_name": "Peter"}
