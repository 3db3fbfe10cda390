"""Service quality audits (质量监督抽查): sampled work of each agent, scored by supervisors."""
