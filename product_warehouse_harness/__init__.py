"""Demo and tooling harness for the product_warehouse dbt package."""
