package ai.kaelio.ktx.archfixtures.application.service;

/** Broken on purpose (useCasesAreOneMethodInterfacesInPortIn): a use case hidden among the services. */
public interface RenameWidgetUseCase {
    void rename(String from, String to);
}
