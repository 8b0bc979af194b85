package ai.kaelio.ktx.archfixtures.application.port.in;

/** Broken on purpose (useCasesAreOneMethodInterfacesInPortIn): two use cases behind one name. */
public interface ManageWidgetsUseCase {
    FetchWidgetResult fetch(FetchWidgetRequest request);

    void forget(String name);
}
