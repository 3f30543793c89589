# plan pages
